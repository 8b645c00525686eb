//! `BillLine`: a bill line decoded whole (its usage type, product and operation) with the
//! catalogue's facts and price of the instance inside it. Its fields are defined once,
//! here; every output (the CLI's JSON and CSV, the Arrow struct, Parquet, Python) is
//! written from [`BillLine::FIELDS`] and [`BillLine::values`].

use std::borrow::Cow;
use std::fmt;

use super::paid::LineCosts;
use super::{Operation, UsageKind, UsageType, UsageTypeError};
use crate::Region;
use crate::catalogue::{Catalogue, Entry, Tenancy};
use crate::usage::BillingService;

/// The type of a [`BillLine`] field's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldType {
    /// Text (Arrow `Utf8`).
    Text,
    /// `true` or `false` (Arrow `Boolean`).
    Bool,
    /// A number with a fraction (Arrow `Float64`).
    Float64,
    /// A whole number that fits 32 bits (Arrow `Int32`).
    Int32,
    /// A whole number (Arrow `Int64`).
    Int64,
}

impl FieldType {
    /// The type's name: `text`, `bool`, `float64`, `int32`, `int64`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Bool => "bool",
            FieldType::Float64 => "float64",
            FieldType::Int32 => "int32",
            FieldType::Int64 => "int64",
        }
    }
}

/// One field of a [`BillLine`]: its name (as JSON and Arrow name it; CSV prefixes
/// `ec2type_`), its type and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Field {
    /// The name: `region`, `on_demand_usd_per_hour`, ...
    pub name: &'static str,
    /// The type of its values.
    pub ty: FieldType,
    /// What it holds, in one line.
    pub doc: &'static str,
}

/// The value of one [`BillLine`] field. `Null` is unknown or not applicable, never 0.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// No value.
    Null,
    /// Text.
    Text(Cow<'a, str>),
    /// A flag.
    Bool(bool),
    /// A number with a fraction.
    Float64(f64),
    /// A whole number of 32 bits.
    Int32(i32),
    /// A whole number.
    Int64(i64),
}

impl Value<'_> {
    /// Whether the value is `Null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether the value can stand in a field of type `ty` (`Null` stands in any).
    #[must_use]
    pub fn fits(&self, ty: FieldType) -> bool {
        matches!(
            (self, ty),
            (Value::Null, _)
                | (Value::Text(_), FieldType::Text)
                | (Value::Bool(_), FieldType::Bool)
                | (Value::Float64(_), FieldType::Float64)
                | (Value::Int32(_), FieldType::Int32)
                | (Value::Int64(_), FieldType::Int64)
        )
    }
}

/// A CSV cell: nothing for `Null`, `true`/`false`, numbers as Rust prints them.
impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Text(text) => f.write_str(text),
            Value::Bool(flag) => write!(f, "{flag}"),
            Value::Float64(number) => write!(f, "{number}"),
            Value::Int32(number) => write!(f, "{number}"),
            Value::Int64(number) => write!(f, "{number}"),
        }
    }
}

/// Defines the fields once: the public table and a struct with one member each, which
/// [`BillLine::decode`] must fill whole (a field left out does not compile).
macro_rules! bill_line_fields {
    ($($name:ident: $ty:ident = $doc:literal,)*) => {
        const FIELDS: &[Field] = &[$(Field { name: stringify!($name), ty: FieldType::$ty, doc: $doc },)*];

        /// How many fields a line has.
        const COUNT: usize = [$(stringify!($name),)*].len();

        /// The values of one line, one member a field.
        struct Values<'a> {
            $($name: Value<'a>,)*
        }

        impl<'a> Values<'a> {
            fn into_array(self) -> [Value<'a>; COUNT] {
                [$(self.$name,)*]
            }
        }
    };
}

bill_line_fields! {
    usage_type: Text = "the usage type, as given",
    billing_code: Text = "the location prefix's billing code (`USW2`, `EU`); null without one",
    region: Text = "where the usage was (`us-west-2`); null when global, an edge zone or an unknown code",
    global: Bool = "AWS bills the usage in no region (`Global-`, CloudWatch dashboards, Route 53, ...)",
    region_ambiguous: Bool = "`EU-` with no product code: eu-west-1 or CloudFront's Europe edge zone",
    edge_zone: Text = "a CloudFront edge-location group, by its name",
    to_billing_code: Text = "the other end of an inter-region transfer (`AFS1` of `CAN1-AFS1-AWS-In-Bytes`)",
    to_region: Text = "the other end's region (`af-south-1`), as CUR's `product/toRegionCode`",
    kind: Text = "what is metered, without location codes: `BoxUsage`, `AWS-Out-Bytes`, `EBS`",
    detail: Text = "everything after the kind's `:`, as written: `m5.large`, `VolumeUsage.gp3`",
    charge: Text = "what the kind says of the charge: `instance-hours`, `spot`, ... (instance lines)",
    billing_service: Text = "the service the line most likely bills: `ec2`, `rds`, ... (instance lines)",
    instance_type: Text = "as the service names it: `db.m5.4xlarge`, `kafka.m5.large`",
    ec2_name: Text = "the EC2 type inside it: `m5.4xlarge`",
    node_type: Text = "a node type that is not an EC2 name: `ra3.4xlarge` (Redshift)",
    family: Text = "the instance family: `m5`",
    size: Text = "the size: `4xlarge`",
    normalization_factor: Float64 = "RI units of the EC2 type",
    vcpus: Int32 = "vCPUs, from the catalogue; null when it does not list the type",
    memory_mib: Int64 = "memory in MiB, from the catalogue",
    processor_manufacturer: Text = "from the catalogue: `Intel`, `AMD`, `AWS`",
    operation: Text = "the line's operation, as given: `RunInstances:0002`",
    os: Text = "an EC2 instance line's OS from its operation, as the Price List names it: `Linux`, `Windows`, `RHEL`",
    license_model: Text = "its licence: `No License required`, `Bring your own license`",
    preinstalled_software: Text = "its software: `NA`, `SQL Std`, `SQL Ent`, `SQL Web`",
    on_demand_usd_per_hour: Float64 = "the on-demand USD/hour of the type in the line's region, OS and tenancy (Spot: the estimate); null where the catalogue has none",
    price_os: Text = "the OS of that price (`Linux` when no operation was given)",
    price_tenancy: Text = "the tenancy of that price: `shared`, `dedicated`",
    price_source: Text = "where that price comes from; Spot lines say it is an estimate",
    line_item_type: Text = "the report's line item type, as given: `Usage`, `DiscountedUsage`, `SavingsPlanCoveredUsage`, ...",
    coverage: Text = "how the hours were paid for: `on-demand`, `reserved`, `savings-plan`, `spot`; null for fees and other lines",
    effective_usd_per_hour: Float64 = "what an hour cost: the coverage's cost (unblended, the reservation's or the plan's effective cost) over the hours; instance lines with the report's cost columns only",
    warning: Text = "decoded, with a doubt: an unknown billing code or operation code, an ambiguous prefix",
    error: Text = "why the usage type did not decode (every other field but `usage_type` is then null)",
}

/// A bill line decoded whole: its usage type (`USW2-BoxUsage:m5.large`), with its product
/// code and operation where given, and the catalogue's facts and on-demand price of the
/// instance it names. Its fields are [`BillLine::FIELDS`]; a usage type that does not
/// decode gives a line whose `error` says why.
///
/// ```
/// use ec2_instance_type::catalogue::Catalogue;
/// use ec2_instance_type::usage::{BillLine, Value};
///
/// let line = BillLine::decode("BoxUsage:m5.large", None, Some("RunInstances"), Catalogue::bundled());
/// assert_eq!(line.get("region"), Some(&Value::Text("us-east-1".into())));
/// assert_eq!(line.get("os"), Some(&Value::Text("Linux".into())));
/// assert!(matches!(line.get("on_demand_usd_per_hour"), Some(Value::Float64(p)) if *p > 0.0));
///
/// // Windows: the bundled catalogue has Linux prices only, so no price, not Linux's.
/// let windows = BillLine::decode("BoxUsage:m5.large", None, Some("RunInstances:0002"), Catalogue::bundled());
/// assert_eq!(windows.get("on_demand_usd_per_hour"), Some(&Value::Null));
///
/// let bad = BillLine::decode("BoxUsage:m5.huge", None, None, Catalogue::bundled());
/// assert!(bad.error().is_some());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BillLine<'a> {
    values: [Value<'a>; COUNT],
    /// The usage type, where it decoded.
    usage: Option<UsageType<'a>>,
    error: Option<UsageTypeError>,
}

impl<'a> BillLine<'a> {
    /// Every field, in order.
    pub const FIELDS: &'static [Field] = FIELDS;

    /// Decodes a usage type with its product code (`AmazonEC2`, `AmazonCloudFront`) and
    /// operation (`RunInstances:0002`) where known, answering from `catalogue`.
    ///
    /// The price is the on-demand price of the EC2 type in the line's region, for the
    /// operation's OS (Linux when no operation is given) and the kind's tenancy
    /// (`BoxUsage` shared, `DedicatedUsage` dedicated; `SpotUsage` gets the spot estimate),
    /// exactly as the catalogue has it: null where it has none, never another region's,
    /// OS's or licence's.
    #[must_use]
    pub fn decode(
        usage_type: &'a str,
        product: Option<&str>,
        operation: Option<&'a str>,
        catalogue: &'a Catalogue,
    ) -> Self {
        let operation = operation.filter(|o| !o.is_empty()).map(Operation::parse);
        let parsed = match product.filter(|p| !p.is_empty()) {
            Some(product) => UsageType::parse_for_product(usage_type, product),
            None => UsageType::parse(usage_type),
        };
        match parsed {
            Ok(usage) => Self::of(&usage, operation.as_ref(), catalogue),
            Err(error) => {
                let cell = Self::error_cell(&error);
                let mut line = Self::failed(usage_type, cell);
                line.error = Some(error);
                line
            }
        }
    }

    /// The line of a usage type that cannot be decoded at all, with its `error` cell
    /// (text that is not UTF-8, say): every other field but `usage_type` null.
    #[must_use]
    pub fn failed(usage_type: &'a str, error: String) -> Self {
        let mut values = std::array::from_fn(|_| Value::Null);
        values[0] = Value::Text(Cow::Borrowed(usage_type));
        values[COUNT - 1] = Value::Text(Cow::Owned(error));
        BillLine {
            values,
            usage: None,
            error: None,
        }
    }

    /// The `error` cell of a usage type that did not decode: the message and the byte
    /// where it went wrong, one format for every output.
    #[must_use]
    pub fn error_cell(error: &UsageTypeError) -> String {
        format!("{error} (at byte {})", error.offset())
    }

    /// The line with what its report says was paid (its line item type and cost
    /// columns): `line_item_type` as given, and for an EC2 instance line of a priced kind
    /// ([`BillLine::is_priceable`]) its `coverage` and `effective_usd_per_hour`, so that
    /// what was paid sits beside the on-demand price.
    ///
    /// ```
    /// use ec2_instance_type::catalogue::Catalogue;
    /// use ec2_instance_type::usage::{BillLine, LineCosts, Value};
    ///
    /// let costs = LineCosts {
    ///     line_item_type: Some("DiscountedUsage"),
    ///     usage_amount: Some(24.0),
    ///     reservation_effective_cost: Some(1.44),
    ///     ..LineCosts::default()
    /// };
    /// let line = BillLine::decode("BoxUsage:m5.large", None, None, Catalogue::bundled()).with_costs(&costs);
    /// assert_eq!(line.get("coverage"), Some(&Value::Text("reserved".into())));
    /// assert_eq!(line.get("effective_usd_per_hour"), Some(&Value::Float64(0.06)));
    /// assert_eq!(line.get("on_demand_usd_per_hour"), Some(&Value::Float64(0.096)));
    /// ```
    #[must_use]
    pub fn with_costs(mut self, costs: &LineCosts<'_>) -> Self {
        let set = |values: &mut [Value<'a>; COUNT], name: &str, value: Value<'a>| {
            if let Some(i) = FIELDS.iter().position(|f| f.name == name) {
                values[i] = value;
            }
        };
        set(
            &mut self.values,
            "line_item_type",
            costs
                .line_item_type
                .map_or(Value::Null, |t| Value::Text(Cow::Owned(t.to_owned()))),
        );
        if let Some(spot) = self.paid_rule() {
            let paid = costs.paid(spot);
            set(
                &mut self.values,
                "coverage",
                paid.coverage
                    .map_or(Value::Null, |c| Value::Text(Cow::Borrowed(c.as_str()))),
            );
            set(
                &mut self.values,
                "effective_usd_per_hour",
                paid.effective_usd_per_hour
                    .map_or(Value::Null, Value::Float64),
            );
        }
        self
    }

    /// Whether a report's costs say what an hour of this line cost: `Some(spot)` for an
    /// EC2 instance line of a priced kind ([`BillLine::is_priceable`]), `spot` saying
    /// whether it is Spot usage; `None` for every other line. [`BillLine::with_costs`]
    /// asks it; a caller that keeps decoded lines and reads costs per row asks it once.
    #[must_use]
    pub fn paid_rule(&self) -> Option<bool> {
        self.is_priceable().then(|| {
            self.usage
                .and_then(|u| u.kind().known())
                .is_some_and(|k| k == UsageKind::SpotUsage)
        })
    }

    /// The values, one per field of [`BillLine::FIELDS`], in its order.
    #[must_use]
    pub fn values(&self) -> &[Value<'a>] {
        &self.values
    }

    /// The fields with their values.
    pub fn fields(&self) -> impl Iterator<Item = (&'static Field, &Value<'a>)> {
        FIELDS.iter().zip(self.values.iter())
    }

    /// The value of the field named `name`; `None` for a name that is not a field.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        let at = FIELDS.iter().position(|f| f.name == name)?;
        self.values.get(at)
    }

    /// Why the usage type did not decode, where it did not.
    #[must_use]
    pub fn error(&self) -> Option<&UsageTypeError> {
        self.error.as_ref()
    }

    /// The usage type, decoded, where it decoded.
    #[must_use]
    pub fn usage_type(&self) -> Option<&UsageType<'a>> {
        self.usage.as_ref()
    }

    /// Whether the line is of a kind the catalogue prices: an EC2 instance line of
    /// `BoxUsage`, `DedicatedUsage` or `SpotUsage`. Its price may still be unknown (another
    /// region, OS or tenancy than the catalogue has).
    #[must_use]
    pub fn is_priceable(&self) -> bool {
        self.usage.as_ref().and_then(priced_kind).is_some()
    }

    fn of(
        usage: &UsageType<'a>,
        operation: Option<&Operation<'a>>,
        catalogue: &'a Catalogue,
    ) -> Self {
        let text = |t: Option<&'a str>| t.map_or(Value::Null, |t| Value::Text(Cow::Borrowed(t)));
        let owned = |t: Option<String>| t.map_or(Value::Null, |t| Value::Text(Cow::Owned(t)));
        let region_text = |r: Option<Region>| {
            r.map_or(Value::Null, |r| {
                Value::Text(Cow::Owned(r.as_str().to_owned()))
            })
        };
        let ec2 = usage.ec2_instance_type();
        let entry = ec2.as_ref().and_then(|it| catalogue.get(it.as_str()));
        let specs = entry.and_then(Entry::specs);
        // An operation's platform is an instance's: `RunInstances` on a transfer line
        // says nothing of an OS.
        let service = usage.billing_service();
        let instance_line = service == Some(BillingService::Ec2) && ec2.is_some();
        let operation_of_instance = operation.filter(|_| instance_line);
        let platform = operation_of_instance.and_then(Operation::platform);
        let price = price_of(usage, entry, operation);
        let warnings: Vec<String> = usage
            .warning()
            .map(|w| w.to_string())
            .into_iter()
            .chain(
                operation_of_instance
                    .and_then(Operation::unknown_code)
                    .map(|code| format!("unknown operation code '{code}': no platform, no price")),
            )
            .collect();
        let values = Values {
            usage_type: text(Some(usage.as_str())),
            billing_code: text(usage.billing_code()),
            region: region_text(usage.region()),
            global: Value::Bool(usage.is_global()),
            region_ambiguous: Value::Bool(usage.is_region_ambiguous()),
            edge_zone: text(usage.edge_zone().map(|z| z.name())),
            to_billing_code: text(usage.to_billing_code()),
            to_region: region_text(usage.to_region()),
            kind: text(Some(usage.kind_str())),
            detail: text(usage.detail()),
            charge: text(usage.charge().map(|c| c.as_str())),
            billing_service: text(service.map(|s| s.as_str())),
            instance_type: owned(usage.instance_type().map(|it| it.to_string())),
            ec2_name: owned(ec2.as_ref().map(|it| it.as_str().to_owned())),
            node_type: text(usage.node_type()),
            family: text(usage.family()),
            size: owned(ec2.as_ref().map(|it| it.size_str().to_owned())),
            normalization_factor: ec2
                .and_then(|it| catalogue.normalization_factor(&it))
                .map_or(Value::Null, Value::Float64),
            vcpus: specs.map_or(Value::Null, |s| {
                Value::Int32(i32::try_from(s.vcpus).unwrap_or(i32::MAX))
            }),
            memory_mib: specs.map_or(Value::Null, |s| {
                Value::Int64(i64::try_from(s.memory_mib).unwrap_or(i64::MAX))
            }),
            processor_manufacturer: text(specs.and_then(|s| s.processor_manufacturer)),
            operation: text(operation.map(Operation::as_str)),
            os: text(platform.map(|p| p.os)),
            license_model: text(platform.map(|p| p.license_model)),
            preinstalled_software: text(platform.map(|p| p.preinstalled_software)),
            on_demand_usd_per_hour: price
                .as_ref()
                .map_or(Value::Null, |p| Value::Float64(p.usd_per_hour)),
            price_os: text(price.as_ref().map(|p| p.os)),
            price_tenancy: text(price.as_ref().map(|p| p.tenancy.as_str())),
            price_source: price.map_or(Value::Null, |p| Value::Text(p.source)),
            line_item_type: Value::Null,
            coverage: Value::Null,
            effective_usd_per_hour: Value::Null,
            warning: owned((!warnings.is_empty()).then(|| warnings.join("; "))),
            error: Value::Null,
        };
        BillLine {
            values: values.into_array(),
            usage: Some(*usage),
            error: None,
        }
    }
}

/// The price of a line, as the line's fields show it.
struct LinePrice<'a> {
    usd_per_hour: f64,
    os: &'a str,
    tenancy: Tenancy,
    source: Cow<'a, str>,
}

/// The kind of an EC2 instance line the catalogue prices (`BoxUsage` shared,
/// `DedicatedUsage` dedicated, `SpotUsage` by the spot estimate), where it is one.
fn priced_kind(usage: &UsageType<'_>) -> Option<UsageKind> {
    if usage.billing_service() != Some(BillingService::Ec2) || usage.ec2_instance_type().is_none() {
        return None;
    }
    usage.kind().known().filter(|kind| {
        matches!(
            kind,
            UsageKind::BoxUsage | UsageKind::DedicatedUsage | UsageKind::SpotUsage
        )
    })
}

/// The on-demand price (or the spot estimate) of an EC2 instance line, in its region, for
/// its operation's OS and its kind's tenancy; `None` wherever the catalogue has no such
/// price, or the line does not say enough (an unknown operation code, software or a
/// licence of the user's own, no region).
fn price_of<'a>(
    usage: &UsageType<'a>,
    entry: Option<Entry<'a>>,
    operation: Option<&Operation<'a>>,
) -> Option<LinePrice<'a>> {
    let kind = priced_kind(usage)?;
    let entry = entry?;
    let region = usage.region()?;
    let os = match operation {
        None => "Linux",
        Some(operation) => {
            let platform = operation.platform()?;
            if !platform.is_plain() {
                return None;
            }
            platform.os
        }
    };
    let tenancy = match kind {
        UsageKind::BoxUsage => Tenancy::Shared,
        UsageKind::DedicatedUsage => Tenancy::Dedicated,
        UsageKind::SpotUsage if os == "Linux" => {
            let estimate = entry.spot_estimate(region)?;
            return Some(LinePrice {
                usd_per_hour: estimate.usd_per_hour,
                os: "Linux",
                tenancy: Tenancy::Shared,
                source: Cow::Owned(format!(
                    "estimate: Spot Instance Advisor savings on the on-demand price of {} ({})",
                    estimate.based_on.name(),
                    estimate.on_demand.source
                )),
            });
        }
        _ => return None,
    };
    let price = entry.on_demand_for(region, os, tenancy)?;
    Some(LinePrice {
        usd_per_hour: price.usd_per_hour,
        os: price.os,
        tenancy: price.tenancy,
        source: Cow::Borrowed(price.source),
    })
}

#[cfg(test)]
mod tests {
    use super::{BillLine, FIELDS};
    use crate::catalogue::Catalogue;

    #[test]
    fn values_fit_their_fields() {
        for (usage, operation) in [
            ("USW2-BoxUsage:m5.large", Some("RunInstances:0002")),
            ("SpotUsage:c5.large", None),
            ("USE1-CAN1-AWS-Out-Bytes", None),
            ("BoxUsage:m5.huge", None),
        ] {
            let line = BillLine::decode(usage, None, operation, Catalogue::bundled());
            assert_eq!(line.values().len(), FIELDS.len());
            for (field, value) in line.fields() {
                assert!(value.fits(field.ty), "{usage}: {} = {value:?}", field.name);
            }
        }
        assert_eq!(FIELDS[0].name, "usage_type");
        assert_eq!(FIELDS[FIELDS.len() - 1].name, "error");
    }
}
