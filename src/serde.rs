//! serde support (feature `serde`): names and their parts (de)serialize as their text;
//! catalogue rows serialize as flat objects; [`lenient`] reads names typed by people.
//!
//! ```
//! use ec2_instance_type::{InstanceType, Processor};
//!
//! #[derive(serde::Deserialize)]
//! struct Pool {
//!     instance_type: InstanceType,
//!     processor: Processor,
//! }
//!
//! let pool: Pool = serde_json::from_str(r#"{"instance_type": "m7g.large", "processor": "graviton"}"#)?;
//! assert_eq!(pool.instance_type.as_str(), "m7g.large");
//! assert_eq!(pool.processor, Processor::Graviton);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

use ::serde::de::{self, Deserialize, Deserializer, Visitor};
use ::serde::ser::{Serialize, Serializer};

use crate::{
    AppleChip, AppleChipTier, Capability, InstanceOption, InstanceType, NvidiaChip, Processor,
    Series, Service, ServiceInstanceType, Size,
};

macro_rules! serde_as_string {
    ($type:ty, $expecting:literal) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NameVisitor;

                impl Visitor<'_> for NameVisitor {
                    type Value = $type;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                        value.parse().map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(NameVisitor)
            }
        }
    };
}

serde_as_string!(
    InstanceType,
    "an EC2 instance type name such as \"m5.large\""
);
serde_as_string!(
    ServiceInstanceType,
    "an instance type name such as \"db.r6g.large\""
);
serde_as_string!(Size, "a size such as \"xlarge\"");
serde_as_string!(Series, "a series such as \"m\"");
serde_as_string!(Capability, "a capability letter such as \"d\"");
serde_as_string!(InstanceOption, "an option such as \"flex\"");
serde_as_string!(AppleChip, "an Apple chip such as \"m4pro\"");
serde_as_string!(AppleChipTier, "an Apple chip tier such as \"pro\"");
serde_as_string!(NvidiaChip, "an NVIDIA chip such as \"gb200\"");
serde_as_string!(Processor, "a processor such as \"graviton\"");
serde_as_string!(Service, "a service word such as \"db\"");

/// For `#[serde(with = "ec2_instance_type::serde::lenient")]`: reads a name as a person
/// may write it (`" M7i-flex.Large "`: whitespace trimmed, ASCII lowercased) and writes
/// the canonical name. For [`InstanceType`] and [`ServiceInstanceType`] fields.
///
/// ```
/// use ec2_instance_type::InstanceType;
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Config {
///     #[serde(with = "ec2_instance_type::serde::lenient")]
///     instance_type: InstanceType,
/// }
///
/// let config: Config = serde_json::from_str(r#"{"instance_type": " M7i-flex.Large "}"#)?;
/// assert_eq!(config.instance_type.as_str(), "m7i-flex.large");
/// assert_eq!(serde_json::to_string(&config)?, r#"{"instance_type":"m7i-flex.large"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub mod lenient {
    use std::fmt;
    use std::marker::PhantomData;

    use ::serde::de::{self, Deserializer, Visitor};
    use ::serde::ser::Serializer;

    use crate::{InstanceType, ParseError, ServiceInstanceType};

    /// The name types the lenient helper reads. Sealed: implemented by this crate only.
    pub trait LenientName: fmt::Display + Sized + private::Sealed {
        #[doc(hidden)]
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
}

/// Catalogue rows serialize field by field; names, texts and enum values as strings,
/// sets as lists of strings.
#[cfg(feature = "catalogue")]
mod catalogue_rows {
    use ::serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

    use crate::catalogue::{
        AcceleratorKind, Architecture, Architectures, DiskType, Entry, Interruption, Label, Regions,
    };

    macro_rules! serialize_as_str {
        ($($type:ty => $text:expr),* $(,)?) => {$(
            impl Serialize for $type {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    let text: fn(&$type) -> &'static str = $text;
                    serializer.serialize_str(text(self))
                }
            }
        )*};
    }

    serialize_as_str! {
        Label => Label::as_str,
        Architecture => Architecture::as_str,
        Interruption => Interruption::as_str,
        AcceleratorKind => AcceleratorKind::as_str,
        DiskType => DiskType::as_str,
    }

    fn serialize_strs<S: Serializer>(
        serializer: S,
        items: impl ExactSizeIterator<Item = &'static str>,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            seq.serialize_element(item)?;
        }
        seq.end()
    }

    impl Serialize for Architectures {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let names: Vec<&'static str> = self.iter().map(|a| a.as_str()).collect();
            serialize_strs(serializer, names.into_iter())
        }
    }

    impl Serialize for Regions {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let names: Vec<&'static str> = self.iter().collect();
            serialize_strs(serializer, names.into_iter())
        }
    }

    /// `{ "name", "specs", "regions", "on_demand", "spot", "spot_estimate_usd_per_hour" }`:
    /// the derived spot figure is named as the estimate it is.
    impl Serialize for Entry {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut row = serializer.serialize_struct("Entry", 6)?;
            row.serialize_field("name", self.name())?;
            row.serialize_field("specs", &self.specs)?;
            row.serialize_field("regions", &self.regions)?;
            row.serialize_field("on_demand", &self.on_demand)?;
            row.serialize_field("spot", &self.spot)?;
            row.serialize_field(
                "spot_estimate_usd_per_hour",
                &self.spot_estimate_usd_per_hour(),
            )?;
            row.end()
        }
    }
}
