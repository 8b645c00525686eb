//! Options: the hyphenated tokens of a family (`flex`, `6tb`, `gb200`, `m4pro`).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use super::{Processor, UnknownPart};
use crate::ParseError;
use crate::display::write_affixed;
use crate::error::{Expected, Keyword};
use crate::inline_str::InlineStr;
use crate::keyword::keyword_enum;
use crate::number;

/// A hyphenated option of a family: `flex` in `m7i-flex`, `6tb` in `u-6tb1`, `gb200` in
/// `p6e-gb200`, `m2pro` in `mac2-m2pro`.
///
/// Options AWS adds later parse as [`InstanceOption::Other`], keeping their text; it never
/// holds text that another variant stands for.
///
/// ```
/// use ec2_instance_type::{AppleChip, InstanceOption, InstanceType};
///
/// let it = InstanceType::parse("mac2-m2pro.metal")?;
/// let chip: AppleChip = "m2pro".parse()?;
/// assert_eq!(it.options().next(), Some(InstanceOption::Apple(chip)));
/// let it = InstanceType::parse("u7in-16tb.224xlarge")?;
/// let Some(InstanceOption::MemoryTib(memory)) = it.options().next() else { panic!() };
/// assert_eq!(memory.get(), 16);
/// assert_eq!("16tb".parse::<InstanceOption>()?, InstanceOption::MemoryTib(memory));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum InstanceOption {
    /// `flex`: Flex instances, baseline performance with bursts, lower price.
    Flex,
    /// `6tb`, `12tb`: the instance's memory in TiB (high memory `u` series).
    MemoryTib(Tebibytes),
    /// `b200`, `gb200`: the NVIDIA GPU platform.
    Nvidia(NvidiaChip),
    /// `m2pro`, `m4`, and any `m<generation>[pro|max|ultra]`: the Apple chip.
    Apple(AppleChip),
    /// An option this version of the crate does not know, as written.
    Other(UnknownPart),
}

keyword_enum! {
    /// An NVIDIA GPU platform named by an option.
    pub enum NvidiaChip("nvidia chip") {
        /// NVIDIA B200 (Blackwell).
        B200 = "b200",
        /// NVIDIA B300 (Blackwell Ultra).
        B300 = "b300",
        /// NVIDIA GB200 Grace Blackwell superchip.
        Gb200 = "gb200",
    }
}

keyword_enum! {
    /// The tier of an Apple chip after its generation: `pro` in `m4pro`.
    pub enum AppleChipTier("apple chip tier") {
        /// Pro.
        Pro = "pro",
        /// Max.
        Max = "max",
        /// Ultra.
        Ultra = "ultra",
    }
}

/// An Apple chip named by an option, following AWS's pattern
/// `m<generation>[pro|max|ultra]`: `m2`, `m2pro`, `m4max`, `m1ultra`, and chips not
/// released yet, such as `m5pro`.
///
/// ```
/// use ec2_instance_type::{AppleChip, AppleChipTier, InstanceType, Processor};
///
/// let chip: AppleChip = "m4pro".parse()?;
/// assert_eq!((chip.generation(), chip.tier()), (4, Some(AppleChipTier::Pro)));
///
/// // A chip from the future decodes the same way.
/// let future = InstanceType::parse("mac-m7ultra.metal")?;
/// assert_eq!(future.processor(), Some(Processor::Apple));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct AppleChip {
    generation: u16,
    tier: Option<AppleChipTier>,
    text: InlineStr<12>,
}

/// The Apple chips of released Mac instance types.
const RELEASED_APPLE_CHIPS: &[&str] =
    &["m1ultra", "m2", "m2pro", "m3ultra", "m4", "m4pro", "m4max"];

impl AppleChip {
    /// The pattern, as error messages quote it.
    const PATTERN: &'static str = "m<generation>[pro|max|ultra]";

    /// Classifies an option token; `None` unless it follows the pattern.
    fn classify(token: &str) -> Option<Self> {
        let rest = token.strip_prefix('m')?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let generation = number::read(&rest.as_bytes()[..digits], u32::from(u16::MAX)).ok()?;
        let tier = match &rest[digits..] {
            "" => None,
            tier => Some(AppleChipTier::known().find(|t| t.as_str() == tier)?),
        };
        (generation > 0).then(|| Self {
            generation: generation as u16,
            tier,
            text: InlineStr::new(token),
        })
    }

    /// The chip generation: `4` for `m4pro`.
    #[must_use]
    pub fn generation(&self) -> u16 {
        self.generation
    }

    /// The tier, or `None` for the base chip (`m4`).
    #[must_use]
    pub fn tier(&self) -> Option<AppleChipTier> {
        self.tier
    }

    /// The option as written: `"m4pro"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// The chips of Mac instance types released when this version of the crate was made.
    pub fn known() -> impl Iterator<Item = Self> + Clone {
        RELEASED_APPLE_CHIPS
            .iter()
            .filter_map(|token| Self::classify(token))
    }

    fn key(&self) -> (u16, Option<AppleChipTier>) {
        (self.generation, self.tier)
    }
}

impl FromStr for AppleChip {
    type Err = ParseError;

    /// Parses `m<generation>[pro|max|ultra]`, generation from 1 with no leading zero.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const KEYWORD: Keyword = Keyword {
            what: "apple chip",
            expected: Expected::Pattern(AppleChip::PATTERN),
        };
        Self::classify(s).ok_or_else(|| ParseError::unknown_value(&KEYWORD, s))
    }
}

/// The memory of a high-memory option in TiB: the `6` of `6tb`, at least 1.
#[derive(Clone, Copy)]
pub struct Tebibytes {
    tib: u16,
    text: InlineStr<8>,
}

impl Tebibytes {
    /// Classifies an option token such as `6tb`; `None` unless it is `<N>tb`, N from 1.
    fn classify(token: &str) -> Option<Self> {
        let digits = token.strip_suffix("tb")?;
        let tib = number::read(digits.as_bytes(), u32::from(u16::MAX)).ok()?;
        (tib > 0).then(|| Self {
            tib: tib as u16,
            text: InlineStr::new(token),
        })
    }

    /// Makes the option of `tib` TiB; `None` for 0.
    #[must_use]
    pub fn new(tib: u16) -> Option<Self> {
        let mut buf = [0u8; 8];
        Self::classify(write_affixed(&mut buf, "", u32::from(tib), "tb"))
    }

    /// The memory in TiB.
    #[must_use]
    pub fn get(&self) -> u16 {
        self.tib
    }

    /// The option as written: `"6tb"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }
}

/// Equality, order and hash of the values that keep their text go by what they mean
/// (the text follows from it).
macro_rules! by_key {
    ($type:ty, $key:expr) => {
        impl PartialEq for $type {
            fn eq(&self, other: &Self) -> bool {
                $key(self) == $key(other)
            }
        }

        impl Eq for $type {}

        impl Hash for $type {
            fn hash<H: Hasher>(&self, state: &mut H) {
                $key(self).hash(state);
            }
        }

        impl Ord for $type {
            fn cmp(&self, other: &Self) -> Ordering {
                $key(self).cmp(&$key(other))
            }
        }

        impl PartialOrd for $type {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl fmt::Debug for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($type))
                    .field(&self.as_str())
                    .finish()
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

by_key!(AppleChip, AppleChip::key);
by_key!(Tebibytes, |t: &Tebibytes| t.tib);

impl InstanceOption {
    /// Classifies an option token as written, without its `-` (the parser's lookup).
    pub(crate) fn classify(token: &str) -> Self {
        if token == "flex" {
            return InstanceOption::Flex;
        }
        if let Some(chip) = NvidiaChip::known().find(|c| c.as_str() == token) {
            return InstanceOption::Nvidia(chip);
        }
        if let Some(chip) = AppleChip::classify(token) {
            return InstanceOption::Apple(chip);
        }
        if let Some(memory) = Tebibytes::classify(token) {
            return InstanceOption::MemoryTib(memory);
        }
        InstanceOption::Other(UnknownPart::new(token))
    }

    /// The option as written: `"flex"`, `"6tb"`, `"m4pro"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            InstanceOption::Flex => "flex",
            InstanceOption::MemoryTib(memory) => memory.as_str(),
            InstanceOption::Nvidia(chip) => chip.as_str(),
            InstanceOption::Apple(chip) => chip.as_str(),
            InstanceOption::Other(text) => text.as_str(),
        }
    }

    /// The options this version of the crate knows by name: `flex`, every
    /// [`NvidiaChip`] and every released [`AppleChip`]. (`MemoryTib` takes any number
    /// of TiB, and future Apple chips decode too.)
    pub fn known() -> impl Iterator<Item = Self> + Clone {
        std::iter::once(InstanceOption::Flex)
            .chain(NvidiaChip::known().map(InstanceOption::Nvidia))
            .chain(AppleChip::known().map(InstanceOption::Apple))
    }

    /// A one-line description, or `None` for an unknown option.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        match self {
            InstanceOption::Flex => Some("Flex: baseline performance with bursts, lower price"),
            InstanceOption::MemoryTib(_) => Some("memory in TiB"),
            InstanceOption::Nvidia(_) => Some("NVIDIA GPU platform"),
            InstanceOption::Apple(_) => Some("Apple chip"),
            InstanceOption::Other(_) => None,
        }
    }

    /// The processor the option names, if any (Apple chips).
    #[must_use]
    pub fn processor(&self) -> Option<Processor> {
        match self {
            InstanceOption::Apple(_) => Some(Processor::Apple),
            _ => None,
        }
    }
}

impl fmt::Display for InstanceOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{AppleChip, AppleChipTier, InstanceOption, NvidiaChip, Tebibytes};

    #[test]
    fn known_tokens_print_back() {
        for token in [
            "flex", "6tb", "12tb", "b200", "b300", "gb200", "m2", "m2pro", "m1ultra",
        ] {
            let option = InstanceOption::classify(token);
            assert!(!matches!(option, InstanceOption::Other(_)), "{token}");
            assert_eq!(option.to_string(), token);
        }
        for chip in NvidiaChip::known() {
            let option = InstanceOption::classify(chip.as_str());
            assert_eq!(option, InstanceOption::Nvidia(chip));
        }
        assert_eq!(AppleChip::known().count(), 7);
    }

    #[test]
    fn every_apple_pattern_is_a_chip() {
        for (token, generation, tier) in [
            ("m1", 1, None),
            ("m9max", 9, Some(AppleChipTier::Max)),
            ("m12ultra", 12, Some(AppleChipTier::Ultra)),
        ] {
            let InstanceOption::Apple(chip) = InstanceOption::classify(token) else {
                panic!("{token} is an Apple chip");
            };
            assert_eq!((chip.generation(), chip.tier()), (generation, tier));
            assert_eq!(chip.as_str(), token);
        }
        for token in ["m0", "m05", "m4plus", "mx", "m"] {
            assert!(
                matches!(InstanceOption::classify(token), InstanceOption::Other(_)),
                "{token}"
            );
        }
    }

    #[test]
    fn odd_memory_is_kept_as_written() {
        for token in ["06tb", "tb", "0tb", "99999tb"] {
            let option = InstanceOption::classify(token);
            assert!(matches!(option, InstanceOption::Other(_)), "{token}");
            assert_eq!(option.to_string(), token);
        }
        assert_eq!(Tebibytes::new(6).unwrap().as_str(), "6tb");
        assert!(Tebibytes::new(0).is_none());
    }
}
