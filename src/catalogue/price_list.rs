//! AWS's own price lists as an owned catalogue's prices: the bulk offer file of a region
//! (`.../offers/v1.0/aws/AmazonEC2/current/REGION/index.csv`, streamed) and the JSON that
//! `aws pricing get-products` prints. Both give on-demand hourly prices keyed by region,
//! operating system and tenancy.

use std::io::Read;

use serde_json::Value;

use super::overlay::{DataError, DataErrorKind, documents, line_column};
use super::store::Catalogue;
use super::stored::OnDemandPrice;
use super::strings::Intern;
use super::{Tenancy, strings::Texts};
use crate::{InstanceType, Region};

/// What applying a price list did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct PriceListReport {
    /// How many on-demand prices were taken.
    pub prices: usize,
    /// How many on-demand prices of regions this version does not know (Local Zones,
    /// Wavelength) were left out.
    pub unknown_regions: usize,
    /// The list's publication date, as AWS writes it (`2025-09-12T22:53:08Z`), if given.
    pub published: Option<String>,
}

/// The fields of one price-list product and price, as the two formats name them.
struct Offer<'a> {
    term: &'a str,
    family: &'a str,
    unit: &'a str,
    capacity: &'a str,
    software: &'a str,
    license: Option<&'a str>,
    market: Option<&'a str>,
    currency: &'a str,
    price: &'a str,
    name: &'a str,
    region: &'a str,
    os: &'a str,
    tenancy: &'a str,
}

/// A price taken from a list, before it is stored.
struct Taken {
    name: String,
    region: Region,
    os: String,
    tenancy: Tenancy,
    usd_per_hour: f64,
}

/// What the rules make of one offer: a price, nothing (not an on-demand hourly price of a
/// compute instance without pre-installed software, or a region this version does not
/// know), or an error of the input.
enum Verdict {
    Take(Taken),
    NotAPrice,
    UnknownRegion,
}

/// The rules: `OnDemand` terms in `Hrs` of `Compute Instance` products (bare metal too),
/// capacity status `Used` (not capacity reservations), no pre-installed software, license
/// included (not BYOL), on-demand market (not capacity blocks); USD only; a 0 price (the
/// instances of a Dedicated Host you pay for) is no price.
fn judge(offer: &Offer<'_>) -> Result<Verdict, (DataErrorKind, String)> {
    let compute = matches!(
        offer.family,
        "Compute Instance" | "Compute Instance (bare metal)"
    );
    let on_demand = offer.term == "OnDemand"
        && compute
        && offer.unit == "Hrs"
        && offer.capacity == "Used"
        && offer.software == "NA"
        && offer
            .license
            .is_none_or(|l| l.is_empty() || l == "No License required")
        && offer.market.is_none_or(|m| m.is_empty() || m == "OnDemand");
    if !on_demand {
        return Ok(Verdict::NotAPrice);
    }
    if offer.currency != "USD" {
        return Err((
            DataErrorKind::InvalidValue,
            format!("currency '{}' is not USD", offer.currency),
        ));
    }
    let usd_per_hour = offer
        .price
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && *p >= 0.0)
        .ok_or_else(|| {
            (
                DataErrorKind::InvalidValue,
                format!("price '{}' is not a number", offer.price),
            )
        })?;
    let tenancy = match offer.tenancy {
        "Shared" => Tenancy::Shared,
        "Dedicated" => Tenancy::Dedicated,
        "Host" => Tenancy::Host,
        other => {
            return Err((
                DataErrorKind::InvalidValue,
                format!("unknown tenancy '{other}', expected Shared, Dedicated or Host"),
            ));
        }
    };
    InstanceType::parse(offer.name)
        .map_err(|e| (DataErrorKind::InvalidName, format!("'{}': {e}", offer.name)))?;
    if usd_per_hour == 0.0 {
        return Ok(Verdict::NotAPrice);
    }
    let Some(region) = Region::parse(offer.region).ok().filter(Region::is_known) else {
        return Ok(Verdict::UnknownRegion);
    };
    Ok(Verdict::Take(Taken {
        name: offer.name.to_owned(),
        region,
        os: offer.os.to_owned(),
        tenancy,
        usd_per_hour,
    }))
}

/// The columns of the bulk file that the rules read; `None` for optional ones.
struct Columns {
    term: usize,
    family: usize,
    unit: usize,
    capacity: usize,
    software: usize,
    license: Option<usize>,
    market: Option<usize>,
    currency: usize,
    price: usize,
    name: usize,
    region: usize,
    os: usize,
    tenancy: usize,
}

impl Columns {
    /// Finds the columns by name (their order changes between publications).
    fn of(header: &csv::ByteRecord) -> Result<Self, String> {
        let find = |name: &str| header.iter().position(|h| h == name.as_bytes());
        let need =
            |name: &str| find(name).ok_or_else(|| format!("no column \"{name}\" in the header"));
        Ok(Self {
            term: need("TermType")?,
            family: need("Product Family")?,
            unit: need("Unit")?,
            capacity: need("CapacityStatus")?,
            software: need("Pre Installed S/W")?,
            license: find("License Model"),
            market: find("MarketOption"),
            currency: need("Currency")?,
            price: need("PricePerUnit")?,
            name: need("Instance Type")?,
            region: need("Region Code")?,
            os: need("Operating System")?,
            tenancy: need("Tenancy")?,
        })
    }
}

/// The five lines before the header of a bulk offer file.
const PREAMBLE: [&str; 5] = [
    "FormatVersion",
    "Disclaimer",
    "Publication Date",
    "Version",
    "OfferCode",
];

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// Applies a bulk offer file of AWS's Price List (`index.csv` of a region: five
    /// metadata lines, a header, then one row per SKU and price), streamed record by
    /// record in bounded memory, of any size. It takes the on-demand hourly price of every
    /// compute instance by region, operating system and tenancy (see
    /// [`Entry::on_demand_for`](super::Entry::on_demand_for)); capacity reservations,
    /// pre-installed software (SQL Server), BYOL, Reserved terms and capacity blocks are
    /// not on-demand prices and are left alone. Columns are found by name. Each price
    /// says it comes from `source`, with the file's publication date.
    ///
    /// # Errors
    ///
    /// Input that is not an offer file (its first lines), a header without a column the
    /// rules need, and, on a price row, a currency that is not USD, a price that is not a
    /// number, an unknown tenancy or a name that does not parse; each with its line.
    /// Nothing is applied then.
    pub fn apply_price_list_csv(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<PriceListReport, DataError> {
        price_list_csv(input)
            .and_then(|(taken, report)| self.apply_taken(taken, report, source))
            .map_err(|e| e.in_source(source))
    }

    /// Applies the JSON that `aws pricing get-products --service-code AmazonEC2` prints
    /// (`{"FormatVersion": "aws_v1", "PriceList": ["{...}", ...]}`, one document per page),
    /// by the rules of [`Catalogue::apply_price_list_csv`]. Each price says it comes from
    /// `source`, with the products' publication date.
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, text that is not JSON, a document without `PriceList`, an
    /// element that is not a product's JSON, and the price-row errors of
    /// [`Catalogue::apply_price_list_csv`]; each names the `PriceList` element. Nothing is
    /// applied then.
    pub fn apply_price_list_json(
        &mut self,
        json: &str,
        source: &str,
    ) -> Result<PriceListReport, DataError> {
        price_list_json(json)
            .and_then(|(taken, report)| self.apply_taken(taken, report, source))
            .map_err(|e| e.in_source(source))
    }

    /// Stores the prices taken from a list under `source` and its publication date.
    fn apply_taken(
        &mut self,
        taken: Vec<Taken>,
        mut report: PriceListReport,
        source: &str,
    ) -> Result<PriceListReport, DataError> {
        let mut texts: Texts = self.texts.clone();
        let too_many = || DataError::new(DataErrorKind::TooMany, "too many distinct texts");
        let source_text = match &report.published {
            Some(date) => format!("{source}, published {date}"),
            None => source.to_owned(),
        };
        let source_label = texts.intern(&source_text).ok_or_else(too_many)?;
        let mut prices = Vec::with_capacity(taken.len());
        for price in taken {
            let region = texts.intern(price.region.as_str()).ok_or_else(too_many)?;
            let os = if price.os == "Linux" {
                None
            } else {
                Some(texts.intern(&price.os).ok_or_else(too_many)?)
            };
            prices.push((
                price.name,
                price.region,
                OnDemandPrice {
                    usd_per_hour: price.usd_per_hour,
                    region,
                    tenancy: price.tenancy,
                    source: Some(source_label),
                    os,
                },
            ));
        }
        report.prices = prices.len();
        self.set_prices(prices, texts)?;
        Ok(report)
    }
}

/// The prices of a bulk offer file, streamed.
fn price_list_csv(input: impl Read) -> Result<(Vec<Taken>, PriceListReport), DataError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let at = |line: u64, kind, message: String| {
        DataError::new(kind, message).at(usize::try_from(line).unwrap_or(usize::MAX), None)
    };
    let read = |reader: &mut csv::Reader<_>, record: &mut csv::ByteRecord| {
        reader.read_byte_record(record).map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            at(
                line,
                DataErrorKind::UnexpectedShape,
                format!("not CSV: {e}"),
            )
        })
    };
    let mut report = PriceListReport::default();
    for (i, key) in PREAMBLE.iter().enumerate() {
        let line = i as u64 + 1;
        if !read(&mut reader, &mut record)? || record.get(0) != Some(key.as_bytes()) {
            return Err(at(
                line,
                DataErrorKind::UnexpectedShape,
                format!("expected \"{key}\" on line {line} of an AWS Price List offer file"),
            ));
        }
        if *key == "Publication Date" {
            report.published = record
                .get(1)
                .and_then(|d| std::str::from_utf8(d).ok())
                .map(str::to_owned);
        }
    }
    if !read(&mut reader, &mut record)? {
        return Err(at(
            6,
            DataErrorKind::UnexpectedShape,
            "no header".to_owned(),
        ));
    }
    let columns = Columns::of(&record).map_err(|m| at(6, DataErrorKind::MissingField, m))?;
    let mut taken = Vec::new();
    while read(&mut reader, &mut record)? {
        // Most rows are Reserved terms: the cheapest test first.
        if record.get(columns.term) != Some(b"OnDemand".as_slice()) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| {
            std::str::from_utf8(record.get(i).unwrap_or_default())
                .map_err(|_| at(line, DataErrorKind::InvalidValue, "not UTF-8".to_owned()))
        };
        let optional = |i: Option<usize>| i.map(field).transpose();
        let offer = Offer {
            term: field(columns.term)?,
            family: field(columns.family)?,
            unit: field(columns.unit)?,
            capacity: field(columns.capacity)?,
            software: field(columns.software)?,
            license: optional(columns.license)?,
            market: optional(columns.market)?,
            currency: field(columns.currency)?,
            price: field(columns.price)?,
            name: field(columns.name)?,
            region: field(columns.region)?,
            os: field(columns.os)?,
            tenancy: field(columns.tenancy)?,
        };
        match judge(&offer).map_err(|(kind, message)| at(line, kind, message))? {
            Verdict::Take(price) => taken.push(price),
            Verdict::UnknownRegion => report.unknown_regions += 1,
            Verdict::NotAPrice => {}
        }
    }
    Ok((taken, report))
}

/// The prices of `aws pricing get-products` JSON.
fn price_list_json(json: &str) -> Result<(Vec<Taken>, PriceListReport), DataError> {
    super::overlay::check_size(json)?;
    let mut taken = Vec::new();
    let mut report = PriceListReport::default();
    for (start, document) in documents(json)? {
        // Found only for an error: counting lines for every page would read the text
        // once per page.
        let place = || line_column(json, start);
        let list = document
            .get("PriceList")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                let (line, column) = place();
                DataError::new(
                    DataErrorKind::UnexpectedShape,
                    "expected {\"PriceList\": [...]} as aws pricing get-products prints it",
                )
                .at(line, Some(column))
            })?;
        for (i, element) in list.iter().enumerate() {
            let here = |kind, message: String| {
                let (line, column) = place();
                DataError::new(kind, format!("PriceList element {}: {message}", i + 1))
                    .at(line, Some(column))
            };
            // The CLI prints each product as a JSON string; accept an object too.
            let parsed;
            let product = match element {
                Value::String(text) => {
                    parsed = serde_json::from_str::<Value>(text).map_err(|e| {
                        here(DataErrorKind::NotJson, format!("not a product's JSON: {e}"))
                    })?;
                    &parsed
                }
                other => other,
            };
            if report.published.is_none() {
                report.published = product["publicationDate"].as_str().map(str::to_owned);
            }
            let attributes = &product["product"]["attributes"];
            let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
            let attribute = |key: &str| text(&attributes[key]);
            let family = text(&product["product"]["productFamily"]);
            let (name, region, os) = (
                attribute("instanceType"),
                attribute("regionCode"),
                attribute("operatingSystem"),
            );
            let (tenancy, capacity, software) = (
                attribute("tenancy"),
                attribute("capacitystatus"),
                attribute("preInstalledSw"),
            );
            let license = attributes["licenseModel"].as_str();
            let market = attributes["marketoption"].as_str();
            let terms = product["terms"]["OnDemand"].as_object();
            for term in terms.into_iter().flat_map(|t| t.values()) {
                let dimensions = term["priceDimensions"].as_object();
                for dimension in dimensions.into_iter().flat_map(|d| d.values()) {
                    let prices = dimension["pricePerUnit"].as_object();
                    let (currency, price) = match prices.and_then(|p| p.get("USD")) {
                        Some(usd) => ("USD".to_owned(), text(usd)),
                        None => prices
                            .and_then(|p| p.iter().next())
                            .map_or_else(Default::default, |(c, v)| (c.clone(), text(v))),
                    };
                    let offer = Offer {
                        term: "OnDemand",
                        family: &family,
                        unit: dimension["unit"].as_str().unwrap_or_default(),
                        capacity: &capacity,
                        software: &software,
                        license,
                        market,
                        currency: &currency,
                        price: &price,
                        name: &name,
                        region: &region,
                        os: &os,
                        tenancy: &tenancy,
                    };
                    match judge(&offer).map_err(|(kind, message)| here(kind, message))? {
                        Verdict::Take(price) => taken.push(price),
                        Verdict::UnknownRegion => report.unknown_regions += 1,
                        Verdict::NotAPrice => {}
                    }
                }
            }
        }
    }
    Ok((taken, report))
}
