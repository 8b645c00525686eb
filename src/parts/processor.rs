//! The processor a name states.

use crate::keyword::keyword_enum;

keyword_enum! {
    /// A processor maker, as an instance type name states it.
    ///
    /// The name states a processor through a capability letter (`a` AMD, `g` Graviton,
    /// `i` Intel), an Apple chip option (`mac2-m2pro`), or the `a` series (`a1`, the first
    /// Graviton). Many names state none (`m5`, `g5`); the catalogue knows the truth.
    ///
    /// ```
    /// use ec2_instance_type::Processor;
    ///
    /// assert_eq!("graviton".parse::<Processor>()?, Processor::Graviton);
    /// assert_eq!(Processor::Graviton.as_str(), "graviton");
    /// assert_eq!(Processor::known().count(), 4);
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    pub enum Processor("processor") {
        /// AMD EPYC.
        Amd = "amd",
        /// AWS Graviton (Arm).
        Graviton = "graviton" | "aws",
        /// Intel Xeon.
        Intel = "intel",
        /// Apple silicon.
        Apple = "apple",
    }
}
