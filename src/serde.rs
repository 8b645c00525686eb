//! serde support: names (de)serialize as their string form.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{InstanceType, ServiceInstanceType};

macro_rules! serde_as_string {
    ($type:ty, $expecting:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

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

/// Catalogue rows serialize field by field; names, texts and enum values as strings,
/// sets as lists of strings.
#[cfg(feature = "catalogue")]
mod catalogue_rows {
    use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

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
        Interruption => Interruption::label,
        AcceleratorKind => |kind| (*kind).into(),
        DiskType => |disk| (*disk).into(),
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
