//! The series: the leading letters of a family, saying what the type is for.

use std::fmt;

use super::UnknownPart;

/// The series of an instance type: the leading letters of its family (`p` in `p3dn`,
/// `hpc` in `hpc7g`, `u` in `u-6tb1`).
///
/// Series that AWS adds later parse as [`Series::Other`], keeping their text; it never
/// holds the code of a series listed here.
///
/// ```
/// use ec2_instance_type::{InstanceType, Series};
///
/// let it = InstanceType::parse("hpc7g.16xlarge")?;
/// assert_eq!(it.series(), Series::Hpc);
/// assert_eq!(it.series().description(), Some("high performance computing"));
/// assert_eq!("hpc".parse::<Series>()?, Series::Hpc);
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Series {
    /// `a`: general purpose, the first AWS Graviton processor (`a1`).
    A,
    /// `c`: compute optimized.
    C,
    /// `cc`: cluster compute (previous generation).
    Cc,
    /// `cg`: cluster GPU (previous generation).
    Cg,
    /// `cr`: memory optimized cluster (previous generation).
    Cr,
    /// `d`: dense HDD storage.
    D,
    /// `dl`: deep learning accelerators.
    Dl,
    /// `f`: FPGA.
    F,
    /// `g`: graphics and GPU.
    G,
    /// `gr`: graphics and GPU with more memory per vCPU.
    Gr,
    /// `h`: high disk throughput HDD storage.
    H,
    /// `hi`: high I/O (previous generation).
    Hi,
    /// `hpc`: high performance computing.
    Hpc,
    /// `hs`: high storage (previous generation).
    Hs,
    /// `i`: storage optimized, local NVMe SSD.
    I,
    /// `im`: storage optimized, balanced memory.
    Im,
    /// `inf`: machine learning inference, AWS Inferentia.
    Inf,
    /// `is`: storage optimized, dense storage.
    Is,
    /// `m`: general purpose.
    M,
    /// `mac`: macOS on Mac hardware.
    Mac,
    /// `p`: GPU accelerated compute.
    P,
    /// `r`: memory optimized.
    R,
    /// `t`: burstable general purpose.
    T,
    /// `trn`: machine learning training, AWS Trainium.
    Trn,
    /// `u`: high memory.
    U,
    /// `vt`: video transcoding.
    Vt,
    /// `x`: memory intensive.
    X,
    /// `z`: high CPU frequency.
    Z,
    /// A series this version of the crate does not know, as written.
    Other(UnknownPart),
}

/// Every known series with its code and description, in alphabetical order of code.
const KNOWN: &[Series] = &[
    Series::A,
    Series::C,
    Series::Cc,
    Series::Cg,
    Series::Cr,
    Series::D,
    Series::Dl,
    Series::F,
    Series::G,
    Series::Gr,
    Series::H,
    Series::Hi,
    Series::Hpc,
    Series::Hs,
    Series::I,
    Series::Im,
    Series::Inf,
    Series::Is,
    Series::M,
    Series::Mac,
    Series::P,
    Series::R,
    Series::T,
    Series::Trn,
    Series::U,
    Series::Vt,
    Series::X,
    Series::Z,
];

impl Series {
    /// Classifies a series code such as `"hpc"` (the parser's lookup, for codes of
    /// lowercase letters); codes that are not known become [`Series::Other`].
    pub(crate) fn classify(code: &str) -> Self {
        KNOWN
            .iter()
            .find(|known| known.as_str() == code)
            .copied()
            .unwrap_or_else(|| Series::Other(UnknownPart::new(code)))
    }

    /// Every series this version of the crate knows, in alphabetical order.
    #[must_use]
    pub fn known() -> impl ExactSizeIterator<Item = Series> + Clone {
        KNOWN.iter().copied()
    }

    /// The series as written in names: `"p"`, `"hpc"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Series::A => "a",
            Series::C => "c",
            Series::Cc => "cc",
            Series::Cg => "cg",
            Series::Cr => "cr",
            Series::D => "d",
            Series::Dl => "dl",
            Series::F => "f",
            Series::G => "g",
            Series::Gr => "gr",
            Series::H => "h",
            Series::Hi => "hi",
            Series::Hpc => "hpc",
            Series::Hs => "hs",
            Series::I => "i",
            Series::Im => "im",
            Series::Inf => "inf",
            Series::Is => "is",
            Series::M => "m",
            Series::Mac => "mac",
            Series::P => "p",
            Series::R => "r",
            Series::T => "t",
            Series::Trn => "trn",
            Series::U => "u",
            Series::Vt => "vt",
            Series::X => "x",
            Series::Z => "z",
            Series::Other(text) => text.as_str(),
        }
    }

    /// A one-line description, or `None` for an unknown series.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        Some(match self {
            Series::A => "general purpose, first-generation AWS Graviton",
            Series::C => "compute optimized",
            Series::Cc => "cluster compute (previous generation)",
            Series::Cg => "cluster GPU (previous generation)",
            Series::Cr => "memory optimized cluster (previous generation)",
            Series::D => "dense HDD storage",
            Series::Dl => "deep learning accelerators",
            Series::F => "FPGA",
            Series::G => "graphics and GPU",
            Series::Gr => "graphics and GPU with more memory per vCPU",
            Series::H => "high disk throughput HDD storage",
            Series::Hi => "high I/O (previous generation)",
            Series::Hpc => "high performance computing",
            Series::Hs => "high storage (previous generation)",
            Series::I => "storage optimized, local NVMe SSD",
            Series::Im => "storage optimized, balanced memory",
            Series::Inf => "machine learning inference (AWS Inferentia)",
            Series::Is => "storage optimized, dense storage",
            Series::M => "general purpose",
            Series::Mac => "macOS on Mac hardware",
            Series::P => "GPU accelerated compute",
            Series::R => "memory optimized",
            Series::T => "burstable general purpose",
            Series::Trn => "machine learning training (AWS Trainium)",
            Series::U => "high memory",
            Series::Vt => "video transcoding",
            Series::X => "memory intensive",
            Series::Z => "high CPU frequency",
            Series::Other(_) => return None,
        })
    }

    /// Whether this version of the crate knows the series.
    #[must_use]
    pub fn is_known(&self) -> bool {
        !matches!(self, Series::Other(_))
    }
}

impl fmt::Display for Series {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{KNOWN, Series};

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(KNOWN.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
    }

    #[test]
    fn every_code_classifies_back() {
        for series in KNOWN {
            assert_eq!(Series::classify(series.as_str()), *series);
            assert!(series.description().is_some());
        }
    }

    #[test]
    fn unknown_code_is_kept() {
        let s = Series::classify("qq");
        assert!(!s.is_known());
        assert_eq!(s.to_string(), "qq");
        assert_eq!(s.description(), None);
    }
}
