//! `Operation`: the operation of a bill line (`RunInstances:0002`), and the platform its
//! code names.

use std::fmt;

use super::platform::Platform;
use super::tables::PLATFORMS;

/// The lookup of the generated table.
impl Platform {
    /// Every platform of the table (`data/operations.csv`: the EC2 User Guide's "AMI
    /// billing information fields", with the Price List's names), by code.
    #[must_use]
    pub fn all() -> &'static [Platform] {
        &PLATFORMS
    }

    fn of_code(code: &str) -> Option<&'static Platform> {
        PLATFORMS
            .binary_search_by(|p| p.code.cmp(code))
            .ok()
            .and_then(|i| PLATFORMS.get(i))
    }
}

/// The operation of a bill line or price (CUR's `line_item_operation`, legacy
/// `lineItem/Operation`, FOCUS's `x_Operation`, the Price List's `operation`), kept as
/// written: `RunInstances`, `RunInstances:0002`, `RunInstances:0010:SV006`,
/// `CreateDBInstance:0002`.
///
/// For EC2's `RunInstances` the code after the colon names the platform
/// ([`Operation::platform`]): Windows, RHEL, SQL Server, BYOL, ... A Spot line may end in
/// `:SVnnn` (the Spot market's code), after the platform's. A code the table does not
/// know is kept and reported ([`Operation::unknown_code`]), never guessed; the operations
/// of other services are kept as written with no platform.
///
/// ```
/// use ec2_instance_type::usage::Operation;
///
/// let spot = Operation::parse("RunInstances:0010:SV006");
/// assert_eq!(spot.platform().unwrap().os, "RHEL");
/// assert_eq!(spot.spot_code(), Some("SV006"));
/// assert_eq!(Operation::parse("RunInstances").platform().unwrap().os, "Linux");
/// assert_eq!(Operation::parse("RunInstances:9999").unknown_code(), Some("9999"));
/// assert_eq!(Operation::parse("CreateDBInstance:0002").platform(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Operation<'a> {
    text: &'a str,
    platform: Option<&'static Platform>,
    spot: Option<&'a str>,
    unknown: Option<&'a str>,
}

impl<'a> Operation<'a> {
    /// Reads an operation. It never fails: any text is an operation, and what it does not
    /// say is `None`.
    #[must_use]
    pub fn parse(text: &'a str) -> Self {
        let mut operation = Operation {
            text,
            platform: None,
            spot: None,
            unknown: None,
        };
        let (action, codes) = text.split_once(':').unwrap_or((text, ""));
        if action != "RunInstances" {
            return operation;
        }
        // The platform's code, then a Spot market's (`0010:SV006`); a Spot code alone is
        // Linux/UNIX's (`RunInstances:SV050`).
        let (code, spot) = match codes.rsplit_once(':') {
            Some((code, spot)) if is_spot_code(spot) => (code, Some(spot)),
            _ if is_spot_code(codes) => ("", Some(codes)),
            _ => (codes, None),
        };
        operation.spot = spot;
        match Platform::of_code(code) {
            Some(platform) => operation.platform = Some(platform),
            None => operation.unknown = Some(code),
        }
        operation
    }

    /// The operation as given.
    #[must_use]
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// The platform of an EC2 `RunInstances` operation whose code the table knows.
    #[must_use]
    pub fn platform(&self) -> Option<&'static Platform> {
        self.platform
    }

    /// The Spot market's code of a Spot line (`SV006` of `RunInstances:0010:SV006`).
    #[must_use]
    pub fn spot_code(&self) -> Option<&'a str> {
        self.spot
    }

    /// The code of a `RunInstances` operation that the table does not know (`CB` of a
    /// capacity block's `RunInstances:CB`), as written.
    #[must_use]
    pub fn unknown_code(&self) -> Option<&'a str> {
        self.unknown
    }
}

impl fmt::Display for Operation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.text)
    }
}

/// Whether a code is a Spot market's: `SV` and digits.
fn is_spot_code(code: &str) -> bool {
    code.strip_prefix("SV")
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::{Operation, Platform};

    #[test]
    fn the_table_reads_whole_and_sorted() {
        let all = Platform::all();
        assert_eq!(all.len(), 19);
        assert!(all.windows(2).all(|w| w[0].code < w[1].code));
        for platform in all {
            assert_eq!(
                Operation::parse(&format!("RunInstances:{}", platform.code))
                    .platform()
                    .filter(|_| !platform.code.is_empty()),
                (!platform.code.is_empty()).then_some(platform)
            );
        }
    }

    #[test]
    fn odd_operations_are_kept() {
        assert_eq!(
            Operation::parse("RunInstances:CB").unknown_code(),
            Some("CB")
        );
        assert_eq!(
            Operation::parse("RunInstances:0002:XX:1").unknown_code(),
            Some("0002:XX:1")
        );
        let spot = Operation::parse("RunInstances:SV050");
        assert_eq!(
            (spot.platform().map(|p| p.os), spot.spot_code()),
            (Some("Linux"), Some("SV050"))
        );
        assert_eq!(Operation::parse("").platform(), None);
    }
}
