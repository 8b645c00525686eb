//! Any of the user's files, recognised by its content: what `ec2type --data FILE` reads,
//! for every Rust user.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::report::Applied;
use crate::catalogue::data_error::{DataError, DataErrorKind, MAX_INPUT, read_limited};
use crate::catalogue::store::Catalogue;

/// What an input read whole is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    InstanceTypes,
    Offerings,
    GetProducts,
    PricesCsv,
}

/// The formats [`Catalogue::apply`] knows, in words, for an input it does not.
const KNOWN: &str = "not the JSON of describe-instance-types, describe-instance-type-offerings or pricing get-products, nor an AWS Price List offer file (CSV or JSON), nor a price CSV (region,instance_type,usd_per_hour[,tenancy][,os])";

/// An input's start without a byte-order mark and leading white space.
fn start(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let at = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[at..]
}

/// The price lists that are streamed, whatever their size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Streamed {
    /// An offer file (CSV or JSON).
    OfferFile,
    /// A Savings Plans file (CSV or JSON).
    SavingsPlans,
}

/// The kind of a streamed input, from its first bytes: the price lists' CSV (their
/// `OfferCode` tells them apart) and JSON.
fn streamed(head: &[u8]) -> Option<Streamed> {
    let start = start(head);
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    let plans = || contains(b"SavingsPlan");
    if start.starts_with(b"\"FormatVersion\"") || start.starts_with(b"FormatVersion,") {
        return Some(if plans() {
            Streamed::SavingsPlans
        } else {
            Streamed::OfferFile
        });
    }
    if !start.starts_with(b"{") {
        return None;
    }
    if contains(b"\"formatVersion\"") && contains(b"\"offerCode\"") {
        Some(Streamed::OfferFile)
    } else if contains(b"\"products\"") && plans() {
        Some(Streamed::SavingsPlans)
    } else {
        None
    }
}

/// The kind of a whole input read as text.
fn kind(text: &str) -> Option<Kind> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        if text.contains("\"PriceList\"") {
            return Some(Kind::GetProducts);
        }
        // The first key that tells them apart decides.
        let offerings = text
            .find("\"InstanceTypeOfferings\"")
            .or_else(|| text.find("\"LocationType\""));
        let types = text
            .find("\"InstanceTypes\"")
            .or_else(|| text.find("\"VCpuInfo\""));
        return match (offerings, types) {
            (Some(o), Some(t)) if o < t => Some(Kind::Offerings),
            (Some(_), None) => Some(Kind::Offerings),
            (_, Some(_)) => Some(Kind::InstanceTypes),
            _ => None,
        };
    }
    let header = start
        .lines()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    header.contains("usd_per_hour").then_some(Kind::PricesCsv)
}

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// Applies an input of any format the catalogue reads, recognised by its content (as
    /// `ec2type --data` does): the JSON of `describe-instance-types`,
    /// `describe-instance-type-offerings` or `pricing get-products`, an offer file of
    /// AWS's Price List (CSV or JSON, streamed), or a price CSV. [`Applied::format`] says
    /// which it was. `source` names the data in every fact it gives.
    ///
    /// ```
    /// use ec2_instance_type::catalogue::{Catalogue, DataFormat};
    ///
    /// let mut catalogue = Catalogue::bundled().clone();
    /// let csv = "region,instance_type,usd_per_hour\neu-west-1,m5.large,0.107\n";
    /// let applied = catalogue.apply(csv.as_bytes(), "prices.csv")?;
    /// assert_eq!((applied.format, applied.records), (DataFormat::PricesCsv, 1));
    /// # Ok::<(), ec2_instance_type::catalogue::DataError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Input of none of these formats, and the errors of the format's own `apply_*`.
    /// Nothing is applied then.
    pub fn apply(&mut self, input: impl Read, source: &str) -> Result<Applied, DataError> {
        self.apply_sized(input, source, None)
    }

    /// Applies a file of any format [`Catalogue::apply`] reads, under its file name. A
    /// file over [`MAX_INPUT`] that is not an offer file is refused before it is read.
    ///
    /// # Errors
    ///
    /// A file that cannot be opened or read, and the errors of [`Catalogue::apply`]; each
    /// names the file.
    pub fn apply_file(&mut self, path: impl AsRef<Path>) -> Result<Applied, DataError> {
        let path = path.as_ref();
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let unreadable = |e: std::io::Error| {
            DataError::new(DataErrorKind::Unreadable, e.to_string()).in_source(&source)
        };
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let metadata = file.metadata().map_err(unreadable)?;
        let size = metadata.is_file().then_some(metadata.len());
        self.apply_sized(file, &source, size)
    }

    /// The bundled catalogue with each file applied in order ([`Catalogue::apply_file`]).
    ///
    /// # Errors
    ///
    /// The first file refused, by [`Catalogue::apply_file`].
    pub fn load(paths: impl IntoIterator<Item = impl AsRef<Path>>) -> Result<Catalogue, DataError> {
        let mut catalogue = Catalogue::bundled().clone();
        for path in paths {
            catalogue.apply_file(path)?;
        }
        Ok(catalogue)
    }

    /// [`Catalogue::apply`], told the input's size where it is a regular file.
    fn apply_sized(
        &mut self,
        input: impl Read,
        source: &str,
        size: Option<u64>,
    ) -> Result<Applied, DataError> {
        let mut input = BufReader::with_capacity(1 << 16, input);
        let head = input.fill_buf().map_err(|e| {
            DataError::new(DataErrorKind::Unreadable, e.to_string()).in_source(source)
        })?;
        match streamed(head) {
            Some(Streamed::OfferFile) => return self.apply_offer_file(input, source),
            Some(Streamed::SavingsPlans) => return self.apply_savings_plans(input, source),
            None => {}
        }
        let whole = || -> Result<String, DataError> {
            if let Some(size) = size.filter(|s| *s > MAX_INPUT as u64) {
                return Err(DataError::new(
                    DataErrorKind::TooLarge,
                    format!("{size} bytes is over the limit of {MAX_INPUT} bytes"),
                ));
            }
            read_limited(input)
        };
        let text = whole().map_err(|e| e.in_source(source))?;
        let applied = match kind(&text) {
            Some(Kind::InstanceTypes) => self.describe_instance_types(&text, source),
            Some(Kind::Offerings) => self.offerings(&text, source),
            Some(Kind::GetProducts) => self.get_products(&text, source),
            Some(Kind::PricesCsv) => self.prices_csv(text.as_bytes(), source),
            None => Err(DataError::new(DataErrorKind::UnexpectedShape, KNOWN)),
        };
        applied.map_err(|e| e.in_source(source))
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, Streamed, kind, streamed};

    #[test]
    fn inputs_are_recognised_by_content() {
        assert_eq!(
            kind("{\n  \"InstanceTypes\": []}"),
            Some(Kind::InstanceTypes)
        );
        assert_eq!(
            kind("{\"InstanceTypeOfferings\": []}"),
            Some(Kind::Offerings)
        );
        assert_eq!(
            kind("[{\"InstanceType\": \"m5.large\", \"LocationType\": \"region\"}]"),
            Some(Kind::Offerings)
        );
        assert_eq!(
            kind("[{\"InstanceType\": \"m5.large\", \"VCpuInfo\": {}}]"),
            Some(Kind::InstanceTypes)
        );
        assert_eq!(
            kind("\u{feff}Region, Instance_Type, USD_per_hour\n"),
            Some(Kind::PricesCsv)
        );
        assert_eq!(
            kind("{\"FormatVersion\": \"aws_v1\", \"PriceList\": []}"),
            Some(Kind::GetProducts)
        );
        assert_eq!(kind("name,price\n"), None);
        assert_eq!(
            streamed(b"\"FormatVersion\",\"v1.0\"\n\"OfferCode\",\"AmazonEC2\"\n"),
            Some(Streamed::OfferFile)
        );
        assert_eq!(
            streamed(
                b"{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"...\",\n  \"offerCode\" : \"AmazonEC2\""
            ),
            Some(Streamed::OfferFile)
        );
        assert_eq!(
            streamed(b"FormatVersion,v1.0\nOfferCode,AmazonComputeSavingsPlan\n"),
            Some(Streamed::SavingsPlans)
        );
        assert_eq!(
            streamed(
                b"{\"version\":\"1\",\"products\":[{\"productFamily\":\"ComputeSavingsPlans\"}]}"
            ),
            Some(Streamed::SavingsPlans)
        );
        assert_eq!(
            streamed(b"{\"FormatVersion\": \"aws_v1\", \"PriceList\": []}"),
            None
        );
    }
}
