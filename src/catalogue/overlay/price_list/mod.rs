//! AWS's own price lists as an owned catalogue's prices: the offer file of a region
//! (`.../offers/v1.0/aws/AmazonEC2/current/REGION/index.csv` or `index.json`, streamed)
//! and the JSON that `aws pricing get-products` prints. All give on-demand hourly prices
//! keyed by region, operating system and tenancy, by the same rules ([`judge`]).

mod get_products;
mod locations;
mod offer_csv;
mod offer_json;
mod product;
mod reserved;
mod savings_plans;
mod sp_csv;
mod sp_json;

use std::io::{BufRead, BufReader, Read};

use super::report::{Applied, DataFormat};
use crate::catalogue::Tenancy;
use crate::catalogue::data_error::{DataError, DataErrorKind, read_limited};
use crate::catalogue::store::Catalogue;
use crate::catalogue::stored::{CommitmentRate, Label, OnDemandPrice};
use crate::catalogue::strings::{Intern, Texts};
use crate::{InstanceType, Region};

/// The fields of one price-list product and price, as every format names them.
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
    /// `regionCode`, which files of before 2022 lack.
    region_code: Option<&'a str>,
    /// `location` (`EU (Ireland)`), which names the region where no code is given.
    location: &'a str,
    /// `locationType` (`AWS Region`, `AWS Local Zone`, ...); empty where not given.
    location_type: &'a str,
    os: &'a str,
    tenancy: &'a str,
}

/// Where a product is priced: its type, region, operating system and tenancy.
struct Place {
    name: String,
    region: Region,
    os: String,
    tenancy: Tenancy,
}

/// A price taken from a list, before it is stored.
struct Taken {
    place: Place,
    usd_per_hour: f64,
}

/// What a list gives while it is read: its on-demand prices, its Reserved terms, and the
/// report.
struct Taking {
    prices: Vec<Taken>,
    reserved: reserved::ReservedTerms,
    /// Rates taken whole (Savings Plans').
    rates: Vec<reserved::TakenRate>,
    report: Applied,
}

impl Taking {
    fn new(format: DataFormat) -> Self {
        Self {
            prices: Vec::new(),
            reserved: reserved::ReservedTerms::default(),
            rates: Vec::new(),
            report: Applied::new(format, 0),
        }
    }

    /// Takes an on-demand offer by the rules ([`judge`]).
    fn on_demand(&mut self, offer: &Offer<'_>) -> Result<(), (DataErrorKind, String)> {
        match judge(offer)? {
            Verdict::Take(price) => self.prices.push(price),
            Verdict::UnknownRegion => self.report.unknown_places += 1,
            Verdict::NotAPrice => {}
        }
        Ok(())
    }
}

/// What the rules make of one offer: a price, nothing (not an on-demand hourly price of a
/// compute instance without pre-installed software, or a region this version does not
/// know), or an error of the input.
enum Verdict {
    Take(Taken),
    NotAPrice,
    UnknownRegion,
}

/// A CSV header's columns, found by name (AWS's files reorder them between publications).
struct Header<'h>(&'h csv::ByteRecord);

impl Header<'_> {
    /// The column named `name`, if the header has it.
    fn find(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|h| h == name.as_bytes())
    }

    /// The column named `name`, or an error saying the header lacks it.
    fn need(&self, name: &str) -> Result<usize, String> {
        self.find(name)
            .ok_or_else(|| format!("no column \"{name}\" in the header"))
    }
}

/// The product rules, for on-demand prices and Reserved terms alike: `Compute Instance`
/// products (bare metal too), capacity status `Used` (not capacity reservations), no
/// pre-installed software, license included (not BYOL), on-demand market (not capacity
/// blocks).
fn is_priced(offer: &Offer<'_>) -> bool {
    let compute = matches!(
        offer.family,
        "Compute Instance" | "Compute Instance (bare metal)"
    );
    compute
        && offer.capacity == "Used"
        && offer.software == "NA"
        && offer
            .license
            .is_none_or(|l| l.is_empty() || l == "No License required")
        && offer.market.is_none_or(|m| m.is_empty() || m == "OnDemand")
}

/// The offer's price in USD: USD only, a number of 0 or more.
fn usd(offer: &Offer<'_>) -> Result<f64, (DataErrorKind, String)> {
    if offer.currency != "USD" {
        return Err((
            DataErrorKind::InvalidValue,
            format!("currency '{}' is not USD", offer.currency),
        ));
    }
    offer
        .price
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && *p >= 0.0)
        .ok_or_else(|| {
            (
                DataErrorKind::InvalidValue,
                format!("price '{}' is not a number", offer.price),
            )
        })
}

/// Where a priced product is: `None` for a place this version does not know.
fn place(offer: &Offer<'_>) -> Result<Option<Place>, (DataErrorKind, String)> {
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
    Ok(region(offer)?.map(|region| Place {
        name: offer.name.to_owned(),
        region,
        os: offer.os.to_owned(),
        tenancy,
    }))
}

/// The rules of on-demand prices: [`is_priced`] products' `OnDemand` terms in `Hrs`; a 0
/// price (the instances of a Dedicated Host you pay for) is no price.
fn judge(offer: &Offer<'_>) -> Result<Verdict, (DataErrorKind, String)> {
    if offer.term != "OnDemand" || offer.unit != "Hrs" || !is_priced(offer) {
        return Ok(Verdict::NotAPrice);
    }
    let usd_per_hour = usd(offer)?;
    // Checked before the place, as the rows of a 0 price are no price wherever they are.
    if usd_per_hour == 0.0 {
        place(offer)?;
        return Ok(Verdict::NotAPrice);
    }
    Ok(match place(offer)? {
        Some(place) => Verdict::Take(Taken {
            place,
            usd_per_hour,
        }),
        None => Verdict::UnknownRegion,
    })
}

/// The region of an offer: its region code, else its location name through the table of
/// AWS's location names. `None` for a place this version does not know that is not a
/// region (a Local Zone, Wavelength); a region's location missing from the table is
/// refused by name, never dropped silently.
fn region(offer: &Offer<'_>) -> Result<Option<Region>, (DataErrorKind, String)> {
    if let Some(code) = offer.region_code.filter(|c| !c.is_empty()) {
        return Ok(Region::parse(code).ok().filter(Region::is_known));
    }
    if let Some(region) = locations::region_of(offer.location) {
        return Ok(Some(region));
    }
    if matches!(offer.location_type, "AWS Region" | "") {
        return Err((
            DataErrorKind::UnknownRegion,
            format!(
                "no regionCode, and location '{}' is not a region location this version knows",
                offer.location
            ),
        ));
    }
    Ok(None)
}

/// The error of a price list's JSON that serde refused, `what` naming the file expected:
/// the place is the error's own, the message without it.
fn json_error(e: &serde_json::Error, what: &str) -> DataError {
    let kind = if e.is_data() {
        DataErrorKind::UnexpectedShape
    } else {
        DataErrorKind::NotJson
    };
    let message = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&place).unwrap_or(&message);
    DataError::new(kind, format!("not {what}: {message}")).at(e.line(), Some(e.column()))
}

/// Whether the input's first byte that is not white space is `{`: the JSON form of a
/// price list, not its CSV.
fn starts_with_brace(input: &mut impl BufRead) -> Result<bool, DataError> {
    let head = input
        .fill_buf()
        .map_err(|e| DataError::new(DataErrorKind::Unreadable, e.to_string()))?;
    Ok(head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// Applies an offer file of AWS's Price List, the file of a region in either form AWS
    /// publishes (`index.csv`: five metadata lines, a header, one row per SKU and price;
    /// `index.json`: `products` and `terms`), streamed in bounded memory, of any size.
    /// It takes the on-demand hourly price of every compute instance by region,
    /// operating system and tenancy (see
    /// [`Entry::on_demand_for`](crate::catalogue::Entry::on_demand_for)); capacity reservations,
    /// pre-installed software (SQL Server), BYOL, Reserved terms and capacity blocks are
    /// not on-demand prices and are left alone. Columns are found by name; a product
    /// without a region code is placed by its `location` name. Each price says it comes
    /// from `source`, with the file's publication date.
    ///
    /// ```
    /// use ec2_instance_type::{Region, catalogue::Catalogue};
    ///
    /// let offer = r#"{"formatVersion": "v1.0", "offerCode": "AmazonEC2",
    ///   "publicationDate": "2025-09-12T22:53:08Z",
    ///   "products": {"SKU1": {"sku": "SKU1", "productFamily": "Compute Instance",
    ///     "attributes": {"instanceType": "m5.large", "location": "EU (Ireland)",
    ///       "locationType": "AWS Region", "operatingSystem": "Linux", "tenancy": "Shared",
    ///       "capacitystatus": "Used", "preInstalledSw": "NA"}}},
    ///   "terms": {"OnDemand": {"SKU1": {"SKU1.JRTCKXETXF": {"priceDimensions": {
    ///     "SKU1.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "pricePerUnit": {"USD": "0.107"}}}}}}}}"#;
    /// let mut catalogue = Catalogue::bundled().clone();
    /// let report = catalogue.apply_offer_file(offer.as_bytes(), "index.json")?;
    /// assert_eq!(report.records, 1);
    /// let ireland = Region::parse("eu-west-1")?;
    /// let price = catalogue.get("m5.large").unwrap().on_demand(ireland).unwrap();
    /// assert_eq!(price.usd_per_hour, 0.107);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Input that is not an offer file of EC2 (its first lines or keys), a header without
    /// a column the rules need, and, on a price, a currency that is not USD, a price that
    /// is not a number, an unknown tenancy, a name that does not parse or a region's
    /// location this version does not know; each with its line (CSV) or SKU (JSON).
    /// Nothing is applied then.
    pub fn apply_offer_file(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        self.apply_either(input, source, offer_json::read, offer_csv::read)
    }

    /// Applies a Savings Plans file of AWS's Price List, the file of a region in either
    /// form (`savingsPlan/v1.0/aws/AWSComputeSavingsPlan/VERSION/REGION/index.csv` or
    /// `index.json`), streamed in bounded memory. It takes the Compute and EC2 Instance
    /// Savings Plans rates of EC2 instance hours (`BoxUsage`, `DedicatedUsage`) by type,
    /// region, operating system (from the rate's operation, as a bill line's) and tenancy;
    /// rates of Fargate and Lambda, unused reservations, hosts, SQL Server and BYOL
    /// platforms are left alone. A Savings Plans rate is already the effective hourly rate
    /// for every payment option ([`CommitmentRate::upfront_usd`] is `None`). Each rate
    /// says it comes from `source`, with the file's publication date.
    ///
    /// [`CommitmentRate::upfront_usd`]: crate::catalogue::CommitmentRate::upfront_usd
    ///
    /// # Errors
    ///
    /// Input that is not a Savings Plans file of Compute Savings Plans, a header without
    /// a column the rules need, and, on a rate, a term, payment option, currency or rate
    /// that is not one, a name that does not parse, no region code; each with its line
    /// (CSV) or plan (JSON). Nothing is applied then.
    pub fn apply_savings_plans(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        self.apply_either(input, source, sp_json::read, sp_csv::read)
    }

    /// Applies a price list read by `json` or `csv`, by its form.
    fn apply_either<R: Read>(
        &mut self,
        input: R,
        source: &str,
        json: impl FnOnce(BufReader<R>) -> Result<Taking, DataError>,
        csv: impl FnOnce(BufReader<R>) -> Result<Taking, DataError>,
    ) -> Result<Applied, DataError> {
        let mut input = BufReader::with_capacity(1 << 16, input);
        let read = if starts_with_brace(&mut input)? {
            json(input)
        } else {
            csv(input)
        };
        read.and_then(|taking| self.apply_taken(taking, source))
            .map_err(|e| e.in_source(source))
    }

    /// Applies the JSON that `aws pricing get-products --service-code AmazonEC2` prints
    /// (`{"FormatVersion": "aws_v1", "PriceList": ["{...}", ...]}`, one document per page),
    /// by the rules of [`Catalogue::apply_offer_file`]. Each price says it comes from
    /// `source`, with the products' publication date.
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, text that is not JSON, a document without `PriceList`, an
    /// element that is not a product's JSON, and the price errors of
    /// [`Catalogue::apply_offer_file`]; each names the `PriceList` element. Nothing is
    /// applied then.
    pub fn apply_get_products(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        read_limited(input)
            .and_then(|json| self.get_products(&json, source))
            .map_err(|e| e.in_source(source))
    }

    pub(super) fn get_products(&mut self, json: &str, source: &str) -> Result<Applied, DataError> {
        get_products::read(json).and_then(|taking| self.apply_taken(taking, source))
    }

    /// Stores the prices and Reserved rates taken from a list under `source` and its
    /// publication date.
    fn apply_taken(&mut self, taking: Taking, source: &str) -> Result<Applied, DataError> {
        let Taking {
            prices: taken,
            reserved,
            rates: whole,
            mut report,
        } = taking;
        report.unknown_places += reserved.unknown_places();
        let mut rates = reserved
            .finish()
            .map_err(|(kind, message)| DataError::new(kind, message))?;
        rates.extend(whole);
        let mut texts: Texts = self.texts.clone();
        let too_many = || DataError::new(DataErrorKind::TooMany, "too many distinct texts");
        let source_text = match &report.published {
            Some(date) => format!("{source}, published {date}"),
            None => source.to_owned(),
        };
        let source_label = texts.intern(&source_text).ok_or_else(too_many)?;
        let mut place_labels = |place: &Place| -> Result<(Label, Option<Label>), DataError> {
            let region = texts.intern(place.region.as_str()).ok_or_else(too_many)?;
            let os = if place.os == "Linux" {
                None
            } else {
                Some(texts.intern(&place.os).ok_or_else(too_many)?)
            };
            Ok((region, os))
        };
        let mut prices = Vec::with_capacity(taken.len());
        for Taken {
            place,
            usd_per_hour,
        } in taken
        {
            let (region, os) = place_labels(&place)?;
            prices.push((
                place.name,
                place.region,
                OnDemandPrice {
                    usd_per_hour,
                    region,
                    tenancy: place.tenancy,
                    source: Some(source_label),
                    os,
                },
            ));
        }
        let mut stored_rates = Vec::with_capacity(rates.len());
        for rate in rates {
            let (region, os) = place_labels(&rate.place)?;
            stored_rates.push((
                rate.place.name,
                CommitmentRate {
                    commitment: rate.commitment,
                    region,
                    os,
                    tenancy: rate.place.tenancy,
                    hourly_usd: rate.hourly_usd,
                    upfront_usd: rate.upfront_usd,
                    source: source_label,
                },
            ));
        }
        report.records = prices.len();
        report.commitment_rates = stored_rates.len();
        self.set_prices(prices, texts.clone())?;
        if !stored_rates.is_empty() {
            self.set_rates(stored_rates, texts)?;
        }
        Ok(report)
    }
}
