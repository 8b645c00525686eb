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
const KNOWN: &[(Series, &str, &str)] = &[
    (
        Series::A,
        "a",
        "general purpose, first-generation AWS Graviton",
    ),
    (Series::C, "c", "compute optimized"),
    (Series::Cc, "cc", "cluster compute (previous generation)"),
    (Series::Cg, "cg", "cluster GPU (previous generation)"),
    (
        Series::Cr,
        "cr",
        "memory optimized cluster (previous generation)",
    ),
    (Series::D, "d", "dense HDD storage"),
    (Series::Dl, "dl", "deep learning accelerators"),
    (Series::F, "f", "FPGA"),
    (Series::G, "g", "graphics and GPU"),
    (
        Series::Gr,
        "gr",
        "graphics and GPU with more memory per vCPU",
    ),
    (Series::H, "h", "high disk throughput HDD storage"),
    (Series::Hi, "hi", "high I/O (previous generation)"),
    (Series::Hpc, "hpc", "high performance computing"),
    (Series::Hs, "hs", "high storage (previous generation)"),
    (Series::I, "i", "storage optimized, local NVMe SSD"),
    (Series::Im, "im", "storage optimized, balanced memory"),
    (
        Series::Inf,
        "inf",
        "machine learning inference (AWS Inferentia)",
    ),
    (Series::Is, "is", "storage optimized, dense storage"),
    (Series::M, "m", "general purpose"),
    (Series::Mac, "mac", "macOS on Mac hardware"),
    (Series::P, "p", "GPU accelerated compute"),
    (Series::R, "r", "memory optimized"),
    (Series::T, "t", "burstable general purpose"),
    (
        Series::Trn,
        "trn",
        "machine learning training (AWS Trainium)",
    ),
    (Series::U, "u", "high memory"),
    (Series::Vt, "vt", "video transcoding"),
    (Series::X, "x", "memory intensive"),
    (Series::Z, "z", "high CPU frequency"),
];

impl Series {
    /// Classifies a series code such as `"hpc"` (the parser's lookup, for codes of
    /// lowercase letters); codes that are not known become [`Series::Other`].
    pub(crate) fn classify(code: &str) -> Self {
        KNOWN
            .iter()
            .find(|(_, known, _)| *known == code)
            .map_or_else(|| Series::Other(UnknownPart::new(code)), |(s, _, _)| *s)
    }

    /// Every series this version of the crate knows, in alphabetical order.
    #[must_use]
    pub fn known() -> impl ExactSizeIterator<Item = Series> + Clone {
        KNOWN.iter().map(|(s, _, _)| *s)
    }

    /// The series as written in names: `"p"`, `"hpc"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Series::Other(text) => text.as_str(),
            known => KNOWN
                .iter()
                .find(|(s, _, _)| s == known)
                .map_or("", |(_, code, _)| code),
        }
    }

    /// A one-line description, or `None` for an unknown series.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        KNOWN
            .iter()
            .find(|(s, _, _)| s == self)
            .map(|(_, _, description)| *description)
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
    fn table_is_sorted_and_unique() {
        assert!(KNOWN.windows(2).all(|w| w[0].1 < w[1].1));
    }

    #[test]
    fn every_code_classifies_back() {
        for (series, code, _) in KNOWN {
            assert_eq!(Series::classify(code), *series);
            assert_eq!(series.as_str(), *code);
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
