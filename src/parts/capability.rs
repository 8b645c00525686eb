//! Capability letters: the letters after the generation (`dn` in `p3dn`).

use std::fmt;

use super::{Processor, UnknownLetter};

/// One capability letter from the letters after the generation (`d` and `n` in `p3dn`).
///
/// Letters AWS uses without a documented meaning today (`s` in `g3s`, `u` in `trn2u`,
/// `h` in `u7inh`) and letters added later parse as [`Capability::Other`], which never
/// holds a letter listed here.
///
/// ```
/// use ec2_instance_type::{Capability, InstanceType};
///
/// let it = InstanceType::parse("p3dn.24xlarge")?;
/// let letters: Vec<Capability> = it.capabilities().collect();
/// assert_eq!(letters, [Capability::LocalNvme, Capability::Network]);
/// assert_eq!(Capability::LocalNvme.description(), Some("local NVMe instance store"));
/// assert_eq!("d".parse::<Capability>()?, Capability::LocalNvme);
/// assert_eq!(Capability::LocalNvme.as_str(), "d");
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Capability {
    /// `a`: AMD processor.
    Amd,
    /// `b`: block storage (EBS) optimized.
    BlockStorage,
    /// `d`: local NVMe instance store.
    LocalNvme,
    /// `e`: extra memory, storage or GPU memory.
    Extra,
    /// `f`: fractional GPU.
    FractionalGpu,
    /// `g`: AWS Graviton processor.
    Graviton,
    /// `i`: Intel processor.
    Intel,
    /// `n`: network and EBS optimized.
    Network,
    /// `q`: Qualcomm inference accelerators.
    Qualcomm,
    /// `z`: high CPU frequency.
    HighFrequency,
    /// A letter without a known meaning, as written.
    Other(UnknownLetter),
}

const KNOWN: &[Capability] = &[
    Capability::Amd,
    Capability::BlockStorage,
    Capability::LocalNvme,
    Capability::Extra,
    Capability::FractionalGpu,
    Capability::Graviton,
    Capability::Intel,
    Capability::Network,
    Capability::Qualcomm,
    Capability::HighFrequency,
];

impl Capability {
    /// Classifies one lowercase letter (the parser's lookup; `None` for anything else).
    pub(crate) fn classify(letter: u8) -> Option<Self> {
        Some(match letter {
            b'a' => Capability::Amd,
            b'b' => Capability::BlockStorage,
            b'd' => Capability::LocalNvme,
            b'e' => Capability::Extra,
            b'f' => Capability::FractionalGpu,
            b'g' => Capability::Graviton,
            b'i' => Capability::Intel,
            b'n' => Capability::Network,
            b'q' => Capability::Qualcomm,
            b'z' => Capability::HighFrequency,
            _ => return UnknownLetter::new(letter).map(Capability::Other),
        })
    }

    /// Every letter with a known meaning, in alphabetical order.
    #[must_use]
    pub fn known() -> impl ExactSizeIterator<Item = Capability> + Clone {
        KNOWN.iter().copied()
    }

    /// The letter as written in names.
    #[must_use]
    pub fn letter(&self) -> char {
        match self {
            Capability::Amd => 'a',
            Capability::BlockStorage => 'b',
            Capability::LocalNvme => 'd',
            Capability::Extra => 'e',
            Capability::FractionalGpu => 'f',
            Capability::Graviton => 'g',
            Capability::Intel => 'i',
            Capability::Network => 'n',
            Capability::Qualcomm => 'q',
            Capability::HighFrequency => 'z',
            Capability::Other(letter) => letter.as_char(),
        }
    }

    /// The letter as text: `"d"`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Capability::Amd => "a",
            Capability::BlockStorage => "b",
            Capability::LocalNvme => "d",
            Capability::Extra => "e",
            Capability::FractionalGpu => "f",
            Capability::Graviton => "g",
            Capability::Intel => "i",
            Capability::Network => "n",
            Capability::Qualcomm => "q",
            Capability::HighFrequency => "z",
            Capability::Other(letter) => letter.as_str(),
        }
    }

    /// A one-line description, or `None` for a letter without a known meaning.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        Some(match self {
            Capability::Amd => "AMD processor",
            Capability::BlockStorage => "block storage (EBS) optimized",
            Capability::LocalNvme => "local NVMe instance store",
            Capability::Extra => "extra memory, storage or GPU memory",
            Capability::FractionalGpu => "fractional GPU",
            Capability::Graviton => "AWS Graviton processor",
            Capability::Intel => "Intel processor",
            Capability::Network => "network and EBS optimized",
            Capability::Qualcomm => "Qualcomm inference accelerators",
            Capability::HighFrequency => "high CPU frequency",
            Capability::Other(_) => return None,
        })
    }

    /// The processor the letter names, if it names one (`a`, `g`, `i`).
    #[must_use]
    pub fn processor(&self) -> Option<Processor> {
        match self {
            Capability::Amd => Some(Processor::Amd),
            Capability::Graviton => Some(Processor::Graviton),
            Capability::Intel => Some(Processor::Intel),
            _ => None,
        }
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{Capability, KNOWN};

    #[test]
    fn table_is_sorted_and_letters_classify_back() {
        assert!(KNOWN.windows(2).all(|w| w[0].letter() < w[1].letter()));
        for capability in KNOWN {
            let letter = capability.letter();
            assert_eq!(Capability::classify(letter as u8), Some(*capability));
            assert_eq!(capability.as_str(), letter.to_string());
            assert!(capability.description().is_some());
        }
    }

    #[test]
    fn unknown_letters_are_kept() {
        let s = Capability::classify(b's').unwrap();
        assert!(matches!(s, Capability::Other(_)));
        assert_eq!((s.to_string(), s.letter()), ("s".to_owned(), 's'));
        assert_eq!(Capability::classify(b'S'), None);
    }
}
