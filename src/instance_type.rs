//! `InstanceType`: a decoded EC2 instance type name. The value only: the grammar that
//! makes one (`FromStr`) is in `crate::grammar`.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::inline_str::InlineStr;
use crate::limits::NAME_MAX_LEN;
use crate::parts::{Capability, InstanceOption, Processor, Series, Size, SizeKey};

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
/// typed by people, [`InstanceType::parse_lenient`] trims and lowercases first. A name
/// wrapped by a service (`db.r6g.large`) is an error of its own kind
/// ([`ErrorKind::ServiceName`](crate::ErrorKind::ServiceName)): parse those as
/// [`ServiceInstanceType`](crate::ServiceInstanceType).
///
/// # Order
///
/// Names order by series text, then generation number (none first), then family text,
/// then size: `m5.large < m5.xlarge < m10i.large < mac-m4.metal < mac2.metal`.
///
/// ```
/// use ec2_instance_type::{Capability, InstanceType, Processor, Series, Size};
///
/// let it = InstanceType::parse("p3dn.24xlarge")?;
/// assert_eq!(it.family(), "p3dn");
/// assert_eq!(it.series(), Series::P);
/// assert_eq!(it.generation(), Some(3));
/// assert!(it.has_capability(Capability::LocalNvme));
/// assert_eq!(it.size(), Size::xlarge_n(24).unwrap());
/// assert_eq!(it.size_normalization_factor(), Some(192.0));
/// assert_eq!(it.to_string(), "p3dn.24xlarge");
///
/// let graviton = InstanceType::parse("c8g.metal-24xl")?;
/// assert_eq!(graviton.processor(), Some(Processor::Graviton));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Clone, Copy)]
pub struct InstanceType {
    name: InlineStr<NAME_MAX_LEN>,
    parts: Parts,
}

/// Where the parts of a name lie, as the grammar found them: byte offsets into the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    /// The end of the series letters.
    pub(crate) series_end: u8,
    pub(crate) generation: Option<u16>,
    /// The capability letters.
    pub(crate) letters: (u8, u8),
    /// The options, each with its leading `-` (`-6tb` of `u-6tb1`); empty without any.
    pub(crate) options: (u8, u8),
    /// The offset of the `.` before the size.
    pub(crate) dot: u8,
    pub(crate) size: SizeKey,
}

impl InstanceType {
    /// The longest name accepted, in bytes. Longer input is refused before it is read.
    pub const MAX_LEN: usize = NAME_MAX_LEN;

    /// The most hyphenated options a name may have.
    pub const MAX_OPTIONS: usize = crate::limits::MAX_OPTIONS;

    /// The empty name, for code paths that cannot fail but must not panic.
    #[cfg(feature = "catalogue")]
    pub(crate) fn empty() -> Self {
        let size = Size::Large.key();
        let parts = Parts {
            series_end: 0,
            generation: None,
            letters: (0, 0),
            options: (0, 0),
            dot: 0,
            size,
        };
        Self::from_parts("", parts)
    }

    #[inline]
    pub(crate) fn from_parts(name: &str, parts: Parts) -> Self {
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
        self.as_str()
            .get(usize::from(self.parts.dot) + 1..)
            .unwrap_or_default()
    }

    /// The series: the leading letters (`p` in `p3dn`).
    #[must_use]
    pub fn series(&self) -> Series {
        Series::classify(self.series_str())
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
            .bytes()
            .filter_map(Capability::classify)
    }

    /// Whether the name has the capability letter.
    #[must_use]
    pub fn has_capability(&self, capability: Capability) -> bool {
        self.capabilities().any(|c| c == capability)
    }

    /// The hyphenated options as written, in name order: `"flex"` for `m7i-flex`.
    pub fn option_strs(&self) -> impl Iterator<Item = &str> + '_ {
        self.span(self.parts.options).split('-').skip(1)
    }

    /// The hyphenated options, in name order.
    pub fn options(&self) -> impl Iterator<Item = InstanceOption> + '_ {
        self.option_strs().map(InstanceOption::classify)
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
        Size::from_key(self.parts.size)
    }

    /// The reserved-instance normalization factor of the size alone (see
    /// [`Size::normalization_factor`]); `None` for a bare `metal`, whose factor is its
    /// family's largest size's: ask a catalogue for the type's own factor
    /// (`normalization_factor`, feature `catalogue`), which knows the family.
    #[must_use]
    pub fn size_normalization_factor(&self) -> Option<f64> {
        self.size().normalization_factor()
    }

    /// Whether the name has the `flex` option.
    #[must_use]
    pub fn is_flex(&self) -> bool {
        self.options().any(|o| o == InstanceOption::Flex)
    }

    /// Whether the size is bare metal.
    #[must_use]
    pub fn is_metal(&self) -> bool {
        self.size().is_metal()
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

/// Generation-aware: by series text, generation (none first), family text, then size,
/// so `m5.large < m10i.large < mac-m4.metal < mac2.metal`. The four determine the name,
/// so the order agrees with `Eq`.
impl Ord for InstanceType {
    fn cmp(&self, other: &Self) -> Ordering {
        self.series_str()
            .cmp(other.series_str())
            .then_with(|| self.generation().cmp(&other.generation()))
            .then_with(|| self.family().cmp(other.family()))
            .then_with(|| self.parts.size.cmp(&other.parts.size))
    }
}

impl PartialOrd for InstanceType {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
