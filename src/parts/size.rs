//! Sizes: the part after the dot (`large`, `24xlarge`, `metal-48xl`, `metal`).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::display::write_affixed;
use crate::inline_str::InlineStr;

/// The size of an instance type: the part after the dot.
///
/// Sizes order naturally, and two sizes compare equal only when they are the same size:
/// `nano < micro < small < medium < large < xlarge < 2xlarge < ... < 48xlarge <
/// metal-48xl < ... < metal`.
///
/// ```
/// use ec2_instance_type::Size;
///
/// let size: Size = "24xlarge".parse()?;
/// assert_eq!(size, Size::xlarge_n(24).unwrap());
/// assert_eq!(size.multiplier(), Some(24));
/// assert_eq!(size.as_str(), "24xlarge");
/// assert_eq!(size.normalization_factor(), Some(192.0));
/// assert!(Size::Large < size && size < Size::Metal);
///
/// // No value can hold a size that does not parse back.
/// assert_eq!(Size::xlarge_n(1), Some(Size::XLarge));
/// assert_eq!(Size::metal_n(1), None);
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Size {
    /// `nano`.
    Nano,
    /// `micro`.
    Micro,
    /// `small`.
    Small,
    /// `medium`.
    Medium,
    /// `large`.
    Large,
    /// `xlarge`.
    XLarge,
    /// `Nxlarge` with N of 2 or more, such as `24xlarge`.
    XLargeN(Multiplier),
    /// `metal`: bare metal, the whole host.
    Metal,
    /// `metal-Nxl` with N of 2 or more: bare metal of a given size, such as `metal-48xl`.
    MetalN(Multiplier),
}

/// The multiplier N of an `Nxlarge` or `metal-Nxl` size: at least 2, so a [`Size`] never
/// holds `1xlarge` (written `xlarge`) or `metal-0xl`. Made only by [`Size::xlarge_n`],
/// [`Size::metal_n`] and the parser.
#[derive(Clone, Copy)]
pub struct Multiplier {
    n: u16,
    /// The whole size as written (`24xlarge`, `metal-24xl`), so the size can lend its text.
    text: InlineStr<14>,
}

impl Multiplier {
    /// The multiplier: `24` for `24xlarge`.
    #[must_use]
    pub fn get(&self) -> u16 {
        self.n
    }
}

impl PartialEq for Multiplier {
    fn eq(&self, other: &Self) -> bool {
        self.n == other.n
    }
}

impl Eq for Multiplier {}

impl Hash for Multiplier {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.n.hash(state);
    }
}

impl PartialOrd for Multiplier {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Multiplier {
    fn cmp(&self, other: &Self) -> Ordering {
        self.n.cmp(&other.n)
    }
}

impl fmt::Debug for Multiplier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.n, f)
    }
}

/// A size in two bytes and a class: how names store it, and the grammar's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct SizeKey {
    /// The rank of the named size, or of the `xlarge` multiples (both kinds), or `metal`.
    rank: u8,
    /// The multiplier (1 for `xlarge`), 0 for other named sizes.
    n: u16,
    /// Whether a multiple is `metal-Nxl` (it sorts after `Nxlarge`).
    metal: bool,
}

/// The sizes with a name of their own, in size order (their rank in [`SizeKey`]).
const NAMED: &[Size] = &[
    Size::Nano,
    Size::Micro,
    Size::Small,
    Size::Medium,
    Size::Large,
    Size::XLarge,
    Size::Metal,
];

impl SizeKey {
    /// The key of `Nxlarge` (N of 2 or more) or `metal-Nxl`.
    #[inline]
    pub(crate) fn multiple(n: u16, metal: bool) -> Self {
        Self { rank: 5, n, metal }
    }
}

impl Size {
    /// The size `Nxlarge`: `xlarge` for N = 1, `None` for 0.
    #[must_use]
    pub fn xlarge_n(n: u16) -> Option<Size> {
        match n {
            0 => None,
            1 => Some(Size::XLarge),
            n => Some(Size::from_key(SizeKey::multiple(n, false))),
        }
    }

    /// The size `metal-Nxl`; `None` for N below 2.
    #[must_use]
    pub fn metal_n(n: u16) -> Option<Size> {
        (n >= 2).then(|| Size::from_key(SizeKey::multiple(n, true)))
    }

    pub(crate) fn from_key(key: SizeKey) -> Size {
        match (key.rank, key.metal) {
            (5, _) if key.n >= 2 => {
                let mut buf = [0u8; 16];
                let text = if key.metal {
                    write_affixed(&mut buf, "metal-", u32::from(key.n), "xl")
                } else {
                    write_affixed(&mut buf, "", u32::from(key.n), "xlarge")
                };
                let multiplier = Multiplier {
                    n: key.n,
                    text: InlineStr::new(text),
                };
                if key.metal {
                    Size::MetalN(multiplier)
                } else {
                    Size::XLargeN(multiplier)
                }
            }
            (0, _) => Size::Nano,
            (1, _) => Size::Micro,
            (2, _) => Size::Small,
            (3, _) => Size::Medium,
            (4, _) => Size::Large,
            (5, _) => Size::XLarge,
            _ => Size::Metal,
        }
    }

    #[inline]
    pub(crate) fn key(&self) -> SizeKey {
        let named = |rank: u8, n: u16| SizeKey {
            rank,
            n,
            metal: false,
        };
        match self {
            Size::Nano => named(0, 0),
            Size::Micro => named(1, 0),
            Size::Small => named(2, 0),
            Size::Medium => named(3, 0),
            Size::Large => named(4, 0),
            Size::XLarge => named(5, 1),
            Size::XLargeN(m) => SizeKey::multiple(m.n, false),
            Size::MetalN(m) => SizeKey::multiple(m.n, true),
            Size::Metal => named(6, 0),
        }
    }

    /// The size as written: `"large"`, `"24xlarge"`, `"metal-48xl"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Size::Nano => "nano",
            Size::Micro => "micro",
            Size::Small => "small",
            Size::Medium => "medium",
            Size::Large => "large",
            Size::XLarge => "xlarge",
            Size::Metal => "metal",
            Size::XLargeN(m) | Size::MetalN(m) => m.text.as_str(),
        }
    }

    /// The sizes with a name of their own, smallest first: `nano` to `xlarge`, then
    /// `metal`. The multiples are made with [`Size::xlarge_n`] and [`Size::metal_n`].
    #[must_use]
    pub fn known() -> impl ExactSizeIterator<Item = Size> + Clone {
        NAMED.iter().copied()
    }

    /// The multiplier of `Nxlarge` and `metal-Nxl` sizes; `None` for named sizes.
    #[must_use]
    pub fn multiplier(&self) -> Option<u16> {
        match self {
            Size::XLargeN(m) | Size::MetalN(m) => Some(m.n),
            _ => None,
        }
    }

    /// The reserved-instance normalization factor: `nano` 0.25 ... `xlarge` 8, `Nxlarge`
    /// and `metal-Nxl` 8 × N. A bare `metal` has none from its name alone (the catalogue
    /// can tell it from the family's largest size).
    #[must_use]
    pub fn normalization_factor(&self) -> Option<f64> {
        match self {
            Size::Nano => Some(0.25),
            Size::Micro => Some(0.5),
            Size::Small => Some(1.0),
            Size::Medium => Some(2.0),
            Size::Large => Some(4.0),
            Size::XLarge => Some(8.0),
            Size::XLargeN(m) | Size::MetalN(m) => Some(8.0 * f64::from(m.n)),
            Size::Metal => None,
        }
    }

    /// Whether the size is bare metal (`metal` or `metal-Nxl`).
    #[must_use]
    pub fn is_metal(&self) -> bool {
        matches!(self, Size::Metal | Size::MetalN(_))
    }
}

/// Named sizes in order, then multiples by N (`48xlarge` before `metal-48xl`), then bare
/// `metal` last. Agrees with `Eq`: only equal sizes compare equal.
impl Ord for Size {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Size {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Size;

    #[test]
    fn keys_round_trip() {
        let sizes = Size::known()
            .chain([2, 24, 480].iter().filter_map(|n| Size::xlarge_n(*n)))
            .chain([2, 48].iter().filter_map(|n| Size::metal_n(*n)));
        for size in sizes {
            assert_eq!(Size::from_key(size.key()), size, "{size}");
        }
    }

    #[test]
    fn multiples_print_their_text() {
        assert_eq!(Size::xlarge_n(24).unwrap().as_str(), "24xlarge");
        assert_eq!(Size::metal_n(48).unwrap().as_str(), "metal-48xl");
        assert_eq!(Size::metal_n(u16::MAX).unwrap().as_str(), "metal-65535xl");
        assert_eq!(
            format!("[{:<10}]", Size::xlarge_n(2).unwrap()),
            "[2xlarge   ]"
        );
    }

    #[test]
    fn normalization_factors() {
        assert_eq!(Size::Nano.normalization_factor(), Some(0.25));
        assert_eq!(Size::XLarge.normalization_factor(), Some(8.0));
        let factor = |size: Option<Size>| size.and_then(|s| s.normalization_factor());
        assert_eq!(factor(Size::xlarge_n(224)), Some(1792.0));
        assert_eq!(factor(Size::metal_n(48)), Some(384.0));
        assert_eq!(Size::Metal.normalization_factor(), None);
    }
}
