//! `--data FILE`: the user's own `describe-instance-types`, offerings and prices over the
//! bundled catalogue, each file recognised by its content.

use std::io::{BufRead, Read};
use std::path::Path;

use ec2_instance_type::catalogue::{Catalogue, MAX_INPUT};

/// What a `--data` file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    InstanceTypes,
    Offerings,
    Prices,
    /// The JSON of `aws pricing get-products`.
    PriceListJson,
}

/// Recognises a file by its content: the JSON of `describe-instance-types` or of
/// `describe-instance-type-offerings`, or a price CSV.
fn kind(text: &str) -> Option<Kind> {
    let start = text.trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        if text.contains("\"PriceList\"") {
            return Some(Kind::PriceListJson);
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
    start
        .starts_with("region,instance_type,usd_per_hour")
        .then_some(Kind::Prices)
}

/// The bundled catalogue with every file applied in order; the error names the file and
/// what is wrong, and nothing of a refused file is applied.
pub fn load(files: &[std::path::PathBuf]) -> Result<Catalogue, String> {
    let mut catalogue = Catalogue::bundled().clone();
    for file in files {
        apply(&mut catalogue, file)?;
    }
    Ok(catalogue)
}

/// Applies one file; the error says which (the library's errors name it already).
fn apply(catalogue: &mut Catalogue, file: &Path) -> Result<(), String> {
    let here = |message: String| format!("{}: {message}", file.display());
    // The file's name is the source every fact it gives says it comes from.
    let source = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut input = open(file).map_err(|e| here(e.to_string()))?;
    // AWS's bulk offer file (hundreds of MB) is streamed, whatever its size.
    let head = input.fill_buf().map_err(|e| here(e.to_string()))?;
    if head.starts_with(b"\"FormatVersion\"") || head.starts_with(b"FormatVersion,") {
        let report = catalogue
            .apply_price_list_csv(input, &source)
            .map_err(|e| e.to_string())?;
        say_prices(&source, &report);
        return Ok(());
    }
    // A regular file over the limit is refused before reading.
    let metadata = std::fs::metadata(file).map_err(|e| here(e.to_string()))?;
    let size = metadata.len();
    if metadata.is_file() && size > MAX_INPUT as u64 {
        return Err(here(format!(
            "{size} bytes is over the limit of {MAX_INPUT} bytes"
        )));
    }
    // Anything else (a pipe, `/dev/stdin`, a file that grew) is read up to one byte past
    // the limit, never more.
    let mut bytes = Vec::new();
    input
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| here(e.to_string()))?;
    if bytes.len() > MAX_INPUT {
        return Err(here(format!(
            "more than {MAX_INPUT} bytes: over the limit (read no further)"
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| here(format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to())))?;
    match kind(&text) {
        Some(Kind::InstanceTypes) => {
            catalogue
                .apply_describe_instance_types(&text, &source)
                .map_err(|e| e.to_string())?;
        }
        Some(Kind::Offerings) => {
            let report = catalogue
                .apply_offerings(&text, &source)
                .map_err(|e| e.to_string())?;
            if report.regions.is_empty() {
                eprintln!(
                    "ec2type: {}: no offerings in the file: nothing changed",
                    file.display()
                );
            }
            for replaced in &report.regions {
                let before = replaced.before.map_or_else(
                    || "no bundled data".to_owned(),
                    |n| format!("{n} bundled types"),
                );
                eprintln!(
                    "ec2type: {}: offerings from {source} replace {before} with {}",
                    replaced.region, replaced.after
                );
            }
        }
        Some(Kind::Prices) => {
            catalogue
                .apply_prices_csv(&text, &source)
                .map_err(|e| e.to_string())?;
        }
        Some(Kind::PriceListJson) => {
            let report = catalogue
                .apply_price_list_json(&text, &source)
                .map_err(|e| e.to_string())?;
            say_prices(&source, &report);
        }
        None => {
            return Err(here("not the JSON of describe-instance-types, describe-instance-type-offerings or pricing get-products, nor an AWS Price List offer file, nor a price CSV (region,instance_type,usd_per_hour[,tenancy])".to_owned()));
        }
    }
    Ok(())
}

/// The file, decompressed when it starts with gzip's magic bytes.
fn open(file: &Path) -> std::io::Result<Box<dyn BufRead>> {
    crate::gzip::maybe_gzip(std::fs::File::open(file)?)
}

/// Says on stderr what a price list gave.
fn say_prices(source: &str, report: &ec2_instance_type::catalogue::PriceListReport) {
    let published = report
        .published
        .as_deref()
        .map_or_else(String::new, |d| format!(" (published {d})"));
    eprintln!(
        "ec2type: {source}: {} on-demand prices{published}",
        report.prices
    );
    if report.unknown_regions > 0 {
        eprintln!(
            "ec2type: {source}: {} prices of regions this version does not know (Local Zones, Wavelength) left out",
            report.unknown_regions
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, kind, load};
    use ec2_instance_type::catalogue::MAX_INPUT;

    #[test]
    fn files_over_the_limit_are_refused_before_reading() {
        let path = std::env::temp_dir().join(format!("ec2type-big-{}.json", std::process::id()));
        let file = std::fs::File::create(&path).unwrap();
        // Sparse: no disk is written, and the limit is checked before a byte is read.
        file.set_len(MAX_INPUT as u64 + 1).unwrap();
        let err = load(std::slice::from_ref(&path)).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(
            err.ends_with("268435457 bytes is over the limit of 268435456 bytes"),
            "{err}"
        );
    }

    #[test]
    fn pipes_are_read_no_further_than_the_limit() {
        // A FIFO has no size to check first: it is read up to one byte past the limit.
        let path = std::env::temp_dir().join(format!("ec2type-fifo-{}", std::process::id()));
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        let writer_path = path.clone();
        let writer = std::thread::spawn(move || {
            use std::io::Write as _;
            let mut fifo = std::fs::OpenOptions::new()
                .write(true)
                .open(&writer_path)
                .unwrap();
            let chunk = vec![b' '; 1 << 20];
            let mut written = 0usize;
            // Stops when the reader closes the pipe; at most twice the limit.
            while written <= 2 * MAX_INPUT && fifo.write_all(&chunk).is_ok() {
                written += chunk.len();
            }
            written
        });
        let err = load(std::slice::from_ref(&path)).unwrap_err();
        let written = writer.join().unwrap();
        std::fs::remove_file(&path).unwrap();
        assert!(
            err.ends_with("more than 268435456 bytes: over the limit (read no further)"),
            "{err}"
        );
        // The reader stopped: the writer could not push much past the limit and the pipe.
        assert!(written < MAX_INPUT + (16 << 20), "{written}");
    }

    #[test]
    fn errors_name_the_file() {
        let path = std::env::temp_dir().join(format!("ec2type-bad-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            "region,instance_type,usd_per_hour\neu-west-1,m5.large,-1\n",
        )
        .unwrap();
        let err = load(std::slice::from_ref(&path)).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        // The library's error names the file it was applied under.
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(
            err,
            format!("{name}: line 2: price \"-1\" is not a positive number")
        );
    }

    #[test]
    fn files_are_recognised_by_content() {
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
            kind("region,instance_type,usd_per_hour\n"),
            Some(Kind::Prices)
        );
        assert_eq!(
            kind("{\"FormatVersion\": \"aws_v1\", \"PriceList\": []}"),
            Some(Kind::PriceListJson)
        );
        assert_eq!(kind("name,price\n"), None);
    }
}
