//! Names from the command line, or from stdin when the only name is `-`.

use std::io::{self, BufRead};

/// Calls `each` with every name: the arguments, or stdin's lines when an argument is `-`
/// (blank lines skipped, a trailing `\r` stripped).
pub fn for_each_name(
    names: &[String],
    mut each: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    for name in names {
        if name == "-" {
            let stdin = io::stdin();
            for line in stdin.lock().lines() {
                let line = line?;
                let line = line.strip_suffix('\r').unwrap_or(&line);
                if !line.trim().is_empty() {
                    each(line)?;
                }
            }
        } else {
            each(name)?;
        }
    }
    Ok(())
}

/// Looks a name up in the catalogue: `Err(Status::Error)` for a bad name and
/// `Err(Status::NothingFound)` for one the catalogue does not know, each with a message
/// on stderr.
pub fn lookup(name: &str) -> Result<&'static ec2_instance_type::catalogue::Entry, crate::Status> {
    match ec2_instance_type::ServiceInstanceType::parse_lenient(name) {
        Err(err) => {
            eprintln!("ec2type: {name:?}: {err} (at byte {})", err.offset());
            Err(crate::Status::Error)
        }
        Ok(parsed) => parsed.spec().ok_or_else(|| {
            eprintln!("ec2type: {name:?}: not in the catalogue");
            crate::Status::NothingFound
        }),
    }
}
