//! The processor a name states.

/// A processor maker, as an instance type name states it.
///
/// The name states a processor through a capability letter (`a` AMD, `g` Graviton,
/// `i` Intel), an Apple chip option (`mac2-m2pro`), or the `a` series (`a1`, the first
/// Graviton). Many names state none (`m5`, `g5`); the catalogue knows the truth.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum Processor {
    /// AMD EPYC.
    Amd,
    /// AWS Graviton (Arm).
    Graviton,
    /// Intel Xeon.
    Intel,
    /// Apple silicon.
    Apple,
}

impl Processor {
    /// The lowercase name: `"amd"`, `"graviton"`, `"intel"`, `"apple"`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        self.into()
    }
}
