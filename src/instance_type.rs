//! `InstanceType`: a decoded EC2 instance type name.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::error::ParseError;
use crate::inline_str::InlineStr;
use crate::parse::{self, Decoded};
use crate::parts::{Capability, InstanceOption, Processor, Series, Size};

/// A decoded EC2 instance type name, such as `p3dn.24xlarge` or `u7in-16tb.224xlarge`.
///
/// The name is kept inline (no heap allocation) together with its decoded parts, so
/// every accessor is cheap. Names AWS has not released yet parse too: unknown series,
/// capability letters and options are kept as written.
///
/// # Syntax
///
/// ```text
/// name    = family "." size
/// family  = series ( generation letters options | options [ generation ] )
/// options = { "-" option }
/// size    = "nano" | "micro" | "small" | "medium" | "large" | "xlarge"
///         | N "xlarge" | "metal" | "metal-" N "xl"          (N >= 2, no leading zero)
/// ```
///
/// Parsing is strict: lowercase ASCII, no whitespace, nothing after the size. For names
/// typed by people, [`InstanceType::parse_lenient`] trims and lowercases first.
///
/// ```
/// use ec2_instance_type::{Capability, InstanceType, Processor, Series, Size};
///
/// let it = InstanceType::parse("p3dn.24xlarge")?;
/// assert_eq!(it.family(), "p3dn");
/// assert_eq!(it.series(), Series::P);
/// assert_eq!(it.generation(), Some(3));
/// assert!(it.has_capability(Capability::LocalNvme));
/// assert_eq!(it.size(), Size::XLargeN(24));
/// assert_eq!(it.normalization_factor(), Some(192.0));
/// assert_eq!(it.to_string(), "p3dn.24xlarge");
///
/// let graviton = InstanceType::parse("c8g.metal-24xl")?;
/// assert_eq!(graviton.processor(), Some(Processor::Graviton));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Clone, Copy)]
pub struct InstanceType {
    name: InlineStr<{ InstanceType::MAX_LEN }>,
    parts: Decoded,
}

impl InstanceType {
    /// The longest name accepted, in bytes. Longer input is refused before it is read.
    pub const MAX_LEN: usize = 32;

    /// Parses a name strictly. The same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// Any input that is not a well-formed name: `""`, `"m5"` (no size), `"m5.xxlarge"`
    /// (unknown size), `"M5.large"` (upper case), `"m5.large "` (whitespace),
    /// `"db.r6g.large"` (a service name: see [`ServiceInstanceType`](crate::ServiceInstanceType)).
    pub fn parse(name: &str) -> Result<Self, ParseError> {
        name.parse()
    }

    /// Parses a name typed by a person: surrounding whitespace is trimmed and ASCII
    /// letters are lowercased first. Error offsets still count bytes of `name`.
    ///
    /// ```
    /// use ec2_instance_type::InstanceType;
    ///
    /// let it = InstanceType::parse_lenient("  M5.Large\n")?;
    /// assert_eq!(it.as_str(), "m5.large");
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`InstanceType::parse`], for anything but case and surrounding whitespace.
    pub fn parse_lenient(name: &str) -> Result<Self, ParseError> {
        crate::lenient::parse_lenient(name, str::parse)
    }

    pub(crate) fn from_decoded(name: &str, parts: Decoded) -> Self {
        Self {
            name: InlineStr::new(name),
            parts,
        }
    }

    /// The name: `"p3dn.24xlarge"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.name.as_str()
    }

    fn span(&self, (start, end): (u8, u8)) -> &str {
        self.as_str()
            .get(usize::from(start)..usize::from(end))
            .unwrap_or_default()
    }

    /// The family: everything before the dot (`"p3dn"`, `"m7i-flex"`, `"u-6tb1"`).
    #[must_use]
    pub fn family(&self) -> &str {
        self.span((0, self.parts.dot))
    }

    /// The size as written: everything after the dot (`"24xlarge"`).
    #[must_use]
    pub fn size_str(&self) -> &str {
        self.span((self.parts.dot + 1, self.name.as_str().len() as u8))
    }

    /// The series: the leading letters (`p` in `p3dn`).
    #[must_use]
    pub fn series(&self) -> Series {
        Series::from_code(self.series_str())
    }

    /// The series as written: `"p"`, `"hpc"`.
    #[must_use]
    pub fn series_str(&self) -> &str {
        self.span((0, self.parts.series_end))
    }

    /// The generation number, or `None` when the name has none (`mac-m4`).
    #[must_use]
    pub fn generation(&self) -> Option<u16> {
        self.parts.generation
    }

    /// The capability letters as written, in name order: `"dn"` for `p3dn`.
    #[must_use]
    pub fn capability_letters(&self) -> &str {
        self.span(self.parts.letters)
    }

    /// The capability letters, in name order.
    pub fn capabilities(&self) -> impl Iterator<Item = Capability> + '_ {
        self.capability_letters()
            .chars()
            .map(Capability::from_letter)
    }

    /// Whether the name has the capability letter.
    #[must_use]
    pub fn has_capability(&self, capability: Capability) -> bool {
        self.capabilities().any(|c| c == capability)
    }

    /// The hyphenated options as written, in name order: `"flex"` for `m7i-flex`.
    pub fn option_strs(&self) -> impl Iterator<Item = &str> + '_ {
        self.parts.options[..usize::from(self.parts.option_count)]
            .iter()
            .map(|span| self.span(*span))
    }

    /// The hyphenated options, in name order.
    pub fn options(&self) -> impl Iterator<Item = InstanceOption> + '_ {
        self.option_strs().map(InstanceOption::from_token)
    }

    /// The processor the name states, if it states one: capability `a` (AMD), `g`
    /// (Graviton) or `i` (Intel), an Apple chip option, or the `a` series (Graviton).
    ///
    /// `m5` and `g5` state none; the catalogue knows what they run on.
    #[must_use]
    pub fn processor(&self) -> Option<Processor> {
        if self.series() == Series::A {
            return Some(Processor::Graviton);
        }
        self.capabilities()
            .find_map(|c| c.processor())
            .or_else(|| self.options().find_map(|o| o.processor()))
    }

    /// The size.
    #[must_use]
    pub fn size(&self) -> Size {
        self.parts.size
    }

    /// The reserved-instance normalization factor of the size (see
    /// [`Size::normalization_factor`]); `None` for a bare `metal`.
    #[must_use]
    pub fn normalization_factor(&self) -> Option<f64> {
        self.parts.size.normalization_factor()
    }

    /// How many of the series, capability letters and options this crate does not know;
    /// ranks candidate suggestions.
    pub(crate) fn unknown_part_count(&self) -> usize {
        let series = usize::from(!self.series().is_known());
        let letters = self
            .capabilities()
            .filter(|c| matches!(c, Capability::Other(_)))
            .count();
        let options = self
            .options()
            .filter(|o| matches!(o, InstanceOption::Other(_)))
            .count();
        series + letters + options
    }

    /// Whether the name has the `flex` option.
    #[must_use]
    pub fn is_flex(&self) -> bool {
        self.options().any(|o| o == InstanceOption::Flex)
    }

    /// Whether the size is bare metal.
    #[must_use]
    pub fn is_metal(&self) -> bool {
        self.parts.size.is_metal()
    }
}

impl FromStr for InstanceType {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match parse::decode(s) {
            Ok(parts) => Ok(InstanceType::from_decoded(s, parts)),
            Err(failure) => Err(failure.into_error(s, |t| {
                parse::decode(t)
                    .ok()
                    .map(|d| InstanceType::from_decoded(t, d).unknown_part_count())
            })),
        }
    }
}

impl fmt::Display for InstanceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for InstanceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InstanceType").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for InstanceType {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for InstanceType {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for InstanceType {}

impl Hash for InstanceType {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// Orders by family, then by size: `m5.large < m5.xlarge < m5.2xlarge < m5.metal`.
impl Ord for InstanceType {
    fn cmp(&self, other: &Self) -> Ordering {
        self.family()
            .cmp(other.family())
            .then_with(|| self.size().cmp(&other.size()))
            .then_with(|| self.as_str().cmp(other.as_str()))
    }
}

impl PartialOrd for InstanceType {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
