//! For `#[serde(with = "ec2_instance_type::serde::lenient")]`: reads a name as a person
//! may write it (`" M7i-flex.Large "`: whitespace trimmed, ASCII lowercased) and writes
//! the canonical name. For [`InstanceType`] and [`ServiceInstanceType`] fields.
//!
//! ```
//! use ec2_instance_type::InstanceType;
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct Config {
//!     #[serde(with = "ec2_instance_type::serde::lenient")]
//!     instance_type: InstanceType,
//! }
//!
//! let config: Config = serde_json::from_str(r#"{"instance_type": " M7i-flex.Large "}"#)?;
//! assert_eq!(config.instance_type.as_str(), "m7i-flex.large");
//! assert_eq!(serde_json::to_string(&config)?, r#"{"instance_type":"m7i-flex.large"}"#);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use ::serde::de::{self, Deserializer, Visitor};
use ::serde::ser::Serializer;

use crate::{InstanceType, ParseError, ServiceInstanceType};

/// The name types the lenient helper reads. Sealed: implemented by this crate only.
pub trait LenientName: fmt::Display + Sized + private::Sealed {
    /// The type's own `parse_lenient` ([`InstanceType::parse_lenient`],
    /// [`ServiceInstanceType::parse_lenient`]).
    ///
    /// # Errors
    ///
    /// The parse error of the text.
    fn parse_lenient(text: &str) -> Result<Self, ParseError>;
}

mod private {
    pub trait Sealed {}
    impl Sealed for crate::InstanceType {}
    impl Sealed for crate::ServiceInstanceType {}
}

impl LenientName for InstanceType {
    fn parse_lenient(text: &str) -> Result<Self, ParseError> {
        InstanceType::parse_lenient(text)
    }
}

impl LenientName for ServiceInstanceType {
    fn parse_lenient(text: &str) -> Result<Self, ParseError> {
        ServiceInstanceType::parse_lenient(text)
    }
}

/// Writes the canonical name.
///
/// # Errors
///
/// Those of the serializer.
pub fn serialize<T: LenientName, S: Serializer>(
    name: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(name)
}

/// Reads a name leniently.
///
/// # Errors
///
/// A value that is not a string, or a string that is not a name even once trimmed
/// and lowercased (the message is the [`ParseError`]'s).
pub fn deserialize<'de, T: LenientName, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct LenientVisitor<T>(PhantomData<T>);

    impl<T: LenientName> Visitor<'_> for LenientVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an instance type name such as \"m5.large\" (case and surrounding whitespace ignored)")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            T::parse_lenient(value).map_err(E::custom)
        }
    }

    deserializer.deserialize_str(LenientVisitor(PhantomData))
}
