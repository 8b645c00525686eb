//! `--data FILE`: the user's own `describe-instance-types`, offerings and prices over the
//! bundled catalogue, each file recognised by its content (the library's
//! `Catalogue::apply_file`); gzip-compressed files too.

use std::io::{BufRead, BufReader};
use std::path::Path;

use ec2_instance_type::catalogue::{Applied, Catalogue, DataFormat};

/// The bundled catalogue with every file applied in order; the error names the file and
/// what is wrong, and nothing of a refused file is applied.
pub fn load(files: &[std::path::PathBuf]) -> Result<Catalogue, String> {
    let mut catalogue = Catalogue::bundled().clone();
    for file in files {
        let applied = apply(&mut catalogue, file)?;
        say(file, &applied);
    }
    Ok(catalogue)
}

/// Applies one file, decompressed when it starts with gzip's magic bytes.
fn apply(catalogue: &mut Catalogue, file: &Path) -> Result<Applied, String> {
    let here = |message: String| format!("{}: {message}", file.display());
    let mut raw = std::fs::File::open(file)
        .map(|f| BufReader::with_capacity(1 << 16, f))
        .map_err(|e| here(e.to_string()))?;
    let gzip = raw
        .fill_buf()
        .map_err(|e| here(e.to_string()))?
        .starts_with(&[0x1f, 0x8b]);
    let applied = if gzip {
        let source = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let input = crate::gzip::maybe_gzip(raw).map_err(|e| here(e.to_string()))?;
        catalogue.apply(input, &source)
    } else {
        // The library refuses a file over the limit before reading it.
        catalogue.apply_file(file)
    };
    // The library's errors name the file already.
    applied.map_err(|e| e.to_string())
}

/// Says on stderr what a file gave.
fn say(file: &Path, applied: &Applied) {
    let name = file.display();
    let published = applied
        .published
        .as_deref()
        .map_or_else(String::new, |d| format!(" (published {d})"));
    match applied.format {
        DataFormat::RegionOfferings | DataFormat::ZoneOfferings => {
            if applied.regions.is_empty() {
                eprintln!("ec2type: {name}: no offerings in the file: nothing changed");
            }
            for change in &applied.regions {
                let before = change
                    .before
                    .map_or_else(|| "no offering data".to_owned(), |n| format!("{n} types"));
                let what = if change.replaced {
                    "replace the list of"
                } else {
                    "add availability-zone offerings to"
                };
                eprintln!(
                    "ec2type: {}: offerings from {name} {what} {before}: now {}",
                    change.region, change.after
                );
            }
        }
        DataFormat::DescribeInstanceTypes => {}
        _ => eprintln!(
            "ec2type: {name}: {} on-demand prices, {} commitment rates{published}",
            applied.records, applied.commitment_rates
        ),
    }
    if applied.unknown_places > 0 {
        eprintln!(
            "ec2type: {name}: {} prices of places this version does not know (Local Zones, Wavelength) left out",
            applied.unknown_places
        );
    }
}

#[cfg(test)]
mod tests {
    use super::load;
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
}
