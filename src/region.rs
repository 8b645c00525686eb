//! `Region`: an AWS region code such as `eu-west-1`. The value only: its grammar is in
//! `crate::grammar`.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::inline_str::InlineStr;
use crate::region_codes::REGION_CODES;

/// An AWS region code: `eu-west-1`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`.
///
/// Any well-formed code parses, so a region newer than this crate still works; the codes
/// this version knows (46, from botocore 1.44.8) also have a partition and a description,
/// and malformed input gets a suggestion.
///
/// # Syntax
///
/// ```text
/// region = word { "-" word } "-" number     (at least two words; lowercase; N from 1)
/// ```
///
/// ```
/// use ec2_instance_type::Region;
///
/// let region: Region = "eu-west-1".parse()?;
/// assert_eq!(region.description(), Some("Europe (Ireland)"));
/// assert_eq!(region.partition(), Some("aws"));
///
/// let future: Region = "eu-north-9".parse()?;
/// assert!(!future.is_known());
///
/// let err = "eu-west1".parse::<Region>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid region 'eu-west1', expected a code such as 'us-east-1', did you mean 'eu-west-1'");
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Clone, Copy)]
pub struct Region {
    text: InlineStr<{ Region::MAX_LEN }>,
    /// The index in the known codes, if known.
    known: Option<u8>,
}

impl Region {
    /// The longest code accepted, in bytes.
    pub const MAX_LEN: usize = 32;

    /// Makes a region of a code the grammar accepted.
    pub(crate) fn from_valid(code: &str) -> Self {
        let known = REGION_CODES
            .iter()
            .position(|(known, _, _)| *known == code)
            .and_then(|i| u8::try_from(i).ok());
        Self {
            text: InlineStr::new(code),
            known,
        }
    }

    /// The code: `"eu-west-1"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Whether this version of the crate knows the code.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.known.is_some()
    }

    /// The description of a known code: `"Europe (Ireland)"`.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        self.entry().map(|(_, _, description)| description)
    }

    /// The partition of a known code: `"aws"`, `"aws-cn"`, `"aws-us-gov"`, ...
    #[must_use]
    pub fn partition(&self) -> Option<&'static str> {
        self.entry().map(|(_, partition, _)| partition)
    }

    /// Every region code this version of the crate knows, in botocore's order.
    #[must_use]
    pub fn known() -> impl ExactSizeIterator<Item = Region> + Clone {
        REGION_CODES
            .iter()
            .enumerate()
            .map(|(i, (code, _, _))| Region {
                text: InlineStr::new(code),
                known: u8::try_from(i).ok(),
            })
    }

    /// The known region at `index` of the known codes, without looking it up.
    pub(crate) fn at(index: usize) -> Option<Region> {
        Region::known().nth(index)
    }

    /// The index of a known code in the list of known codes.
    pub(crate) fn index(&self) -> Option<usize> {
        self.known.map(usize::from)
    }

    fn entry(&self) -> Option<(&'static str, &'static str, &'static str)> {
        REGION_CODES.get(self.index()?).copied()
    }

    /// The region `us-east-1`: US East (N. Virginia), the region of the bundled prices.
    #[must_use]
    pub fn us_east_1() -> Self {
        // Asked for on every spot estimate: looked up once.
        static US_EAST_1: std::sync::OnceLock<Region> = std::sync::OnceLock::new();
        *US_EAST_1.get_or_init(|| Self::from_valid("us-east-1"))
    }
}

/// Every known code, for suggestions.
pub(crate) fn known_codes() -> impl Iterator<Item = &'static str> {
    REGION_CODES.iter().map(|(code, _, _)| *code)
}

impl PartialEq for Region {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Region {}

impl Hash for Region {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// By code text.
impl Ord for Region {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Region {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Region").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for Region {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Region {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Region {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
