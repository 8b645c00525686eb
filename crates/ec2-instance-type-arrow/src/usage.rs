//! `decode_usage_type`: a column of usage types into a struct column of their parts and the
//! catalogue's facts of the EC2 type inside them.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, StructArray};
use arrow_buffer::NullBufferBuilder;
use arrow_schema::{DataType, Field, Fields};
use ec2_instance_type::catalogue::{Catalogue, Entry};
use ec2_instance_type::usage::UsageType;
use ec2_instance_type::{InstanceType, Region};

use crate::rows::Columns;

/// The fields of [`decode_usage_type`](crate::decode_usage_type)'s struct, in order: those
/// of `ec2type usage --json`, and `error`.
///
/// | field | type | |
/// |---|---|---|
/// | `usage_type` | Utf8 | the text, as given |
/// | `billing_code` | Utf8 | `USW2`, `EU`, ...; null without a prefix |
/// | `region` | Utf8 | `us-west-2`; null for `Global`, edge zones and unknown codes |
/// | `region_ambiguous` | Boolean | `EU-`, `JP-`, ... without a product code: region or edge zone |
/// | `edge_zone` | Utf8 | a CloudFront edge-location group, by its name |
/// | `kind` | Utf8 | `BoxUsage`, `SpotUsage`, `DataTransfer-Out-Bytes`, ... |
/// | `charge` | Utf8 | `instance-hours`, `spot`, `dedicated-host`, ... (instance lines) |
/// | `billing_service` | Utf8 | `ec2`, `rds`, `msk`, ... (instance lines) |
/// | `instance_type` | Utf8 | as the service names it: `db.m5.4xlarge`, `kafka.m5.large` |
/// | `ec2_name` | Utf8 | the EC2 type inside it: `m5.4xlarge` |
/// | `node_type` | Utf8 | a node type that is not an EC2 name: `ra3.4xlarge` (Redshift) |
/// | `family`, `size` | Utf8 | `m5`, `4xlarge` |
/// | `normalization_factor` | Float64 | RI units of the EC2 type |
/// | `vcpus` | Int32 | from the catalogue; null when it does not list the type |
/// | `memory_mib` | Int64 | from the catalogue |
/// | `processor_manufacturer` | Utf8 | from the catalogue |
/// | `warning` | Utf8 | decoded, but with a doubt (an unknown billing code, an ambiguous prefix) |
/// | `error` | Utf8 | why the text is no usage type (every other field is then null) |
///
/// A null input gives a null row; an empty string a row of nulls.
#[must_use]
pub fn usage_type_fields() -> Fields {
    let text = |name| Field::new(name, DataType::Utf8, true);
    Fields::from(vec![
        text("usage_type"),
        text("billing_code"),
        text("region"),
        Field::new("region_ambiguous", DataType::Boolean, true),
        text("edge_zone"),
        text("kind"),
        text("charge"),
        text("billing_service"),
        text("instance_type"),
        text("ec2_name"),
        text("node_type"),
        text("family"),
        text("size"),
        Field::new("normalization_factor", DataType::Float64, true),
        Field::new("vcpus", DataType::Int32, true),
        Field::new("memory_mib", DataType::Int64, true),
        text("processor_manufacturer"),
        text("warning"),
        text("error"),
    ])
}

/// A usage type decoded, with the catalogue's facts of the EC2 type inside it: every
/// field of its row, ready to append.
pub(crate) struct UsageRow<'t, 'c> {
    billing_code: Option<&'t str>,
    region: Option<Region>,
    region_ambiguous: bool,
    edge_zone: Option<&'static str>,
    kind: &'t str,
    charge: Option<&'static str>,
    billing_service: Option<&'static str>,
    /// As the service names it, built (`db.m5.4xlarge` for `db.m5.4xl`).
    instance_type: Option<String>,
    ec2: Option<InstanceType>,
    node_type: Option<&'t str>,
    family: Option<&'t str>,
    normalization_factor: Option<f64>,
    vcpus: Option<i32>,
    memory_mib: Option<i64>,
    processor_manufacturer: Option<&'c str>,
    warning: Option<String>,
}

impl<'t, 'c> UsageRow<'t, 'c> {
    fn new(usage: &UsageType<'t>, catalogue: &'c Catalogue) -> Self {
        let ec2 = usage.ec2_instance_type();
        let specs = ec2
            .and_then(|it| catalogue.get(it.as_str()))
            .and_then(Entry::specs);
        UsageRow {
            billing_code: usage.billing_code(),
            region: usage.region(),
            region_ambiguous: usage.is_region_ambiguous(),
            edge_zone: usage.edge_zone().map(|z| z.name()),
            kind: usage.kind_str(),
            charge: usage.charge().map(|c| c.as_str()),
            billing_service: usage.billing_service().map(|s| s.as_str()),
            instance_type: usage.instance_type().map(|it| it.to_string()),
            ec2,
            node_type: usage.node_type(),
            family: usage.family(),
            normalization_factor: ec2.and_then(|it| catalogue.normalization_factor(&it)),
            vcpus: specs.map(|s| i32::try_from(s.vcpus).unwrap_or(i32::MAX)),
            memory_mib: specs.map(|s| i64::try_from(s.memory_mib).unwrap_or(i64::MAX)),
            processor_manufacturer: specs.and_then(|s| s.processor_manufacturer),
            warning: usage.warning().map(|w| w.to_string()),
        }
    }
}

/// The builders of the usage-type struct.
pub(crate) struct UsageColumns<'c> {
    catalogue: &'c Catalogue,
    nulls: NullBufferBuilder,
    usage_type: StringBuilder,
    billing_code: StringBuilder,
    region: StringBuilder,
    region_ambiguous: BooleanBuilder,
    edge_zone: StringBuilder,
    kind: StringBuilder,
    charge: StringBuilder,
    billing_service: StringBuilder,
    instance_type: StringBuilder,
    ec2_name: StringBuilder,
    node_type: StringBuilder,
    family: StringBuilder,
    size: StringBuilder,
    normalization_factor: Float64Builder,
    vcpus: Int32Builder,
    memory_mib: Int64Builder,
    processor_manufacturer: StringBuilder,
    warning: StringBuilder,
    error: StringBuilder,
}

impl<'c> UsageColumns<'c> {
    pub(crate) fn new(catalogue: &'c Catalogue, rows: usize) -> Self {
        // Room for the usual lengths (`us-west-2`, `instance-hours`, `m5.large`), so
        // that a column grows rarely: each growth copies it.
        let text = |bytes: usize| StringBuilder::with_capacity(rows, rows * bytes);
        UsageColumns {
            catalogue,
            nulls: NullBufferBuilder::new(rows),
            usage_type: text(24),
            billing_code: text(4),
            region: text(12),
            region_ambiguous: BooleanBuilder::with_capacity(rows),
            edge_zone: text(0),
            kind: text(12),
            charge: text(14),
            billing_service: text(4),
            instance_type: text(12),
            ec2_name: text(12),
            node_type: text(0),
            family: text(4),
            size: text(8),
            normalization_factor: Float64Builder::with_capacity(rows),
            vcpus: Int32Builder::with_capacity(rows),
            memory_mib: Int64Builder::with_capacity(rows),
            processor_manufacturer: text(6),
            warning: text(0),
            error: text(0),
        }
    }

    /// Appends null to every field but `usage_type` and `error`.
    fn append_parts_null(&mut self) {
        for text in [
            &mut self.billing_code,
            &mut self.region,
            &mut self.edge_zone,
            &mut self.kind,
            &mut self.charge,
            &mut self.billing_service,
            &mut self.instance_type,
            &mut self.ec2_name,
            &mut self.node_type,
            &mut self.family,
            &mut self.size,
            &mut self.processor_manufacturer,
            &mut self.warning,
        ] {
            text.append_null();
        }
        self.region_ambiguous.append_null();
        self.normalization_factor.append_null();
        self.vcpus.append_null();
        self.memory_mib.append_null();
    }

    fn append_row(&mut self, row: &UsageRow<'_, '_>) {
        self.billing_code.append_option(row.billing_code);
        self.region
            .append_option(row.region.as_ref().map(Region::as_str));
        self.region_ambiguous.append_value(row.region_ambiguous);
        self.edge_zone.append_option(row.edge_zone);
        self.kind.append_value(row.kind);
        self.charge.append_option(row.charge);
        self.billing_service.append_option(row.billing_service);
        self.instance_type
            .append_option(row.instance_type.as_deref());
        self.ec2_name
            .append_option(row.ec2.as_ref().map(InstanceType::as_str));
        self.node_type.append_option(row.node_type);
        self.family.append_option(row.family);
        self.size
            .append_option(row.ec2.as_ref().map(InstanceType::size_str));
        self.normalization_factor
            .append_option(row.normalization_factor);
        self.vcpus.append_option(row.vcpus);
        self.memory_mib.append_option(row.memory_mib);
        self.processor_manufacturer
            .append_option(row.processor_manufacturer);
        self.warning.append_option(row.warning.as_deref());
        self.error.append_null();
    }
}

impl<'c> Columns for UsageColumns<'c> {
    /// `None` for an empty text; the row, or the error's message with its offset.
    type Decoded<'t> = Option<Result<UsageRow<'t, 'c>, String>>;

    fn decode<'t>(&self, text: &'t str, product: Option<&'t str>) -> Self::Decoded<'t> {
        if text.is_empty() {
            return None;
        }
        let parsed = match product.filter(|p| !p.is_empty()) {
            Some(product) => UsageType::parse_for_product(text, product),
            None => UsageType::parse(text),
        };
        Some(match parsed {
            Ok(usage) => Ok(UsageRow::new(&usage, self.catalogue)),
            Err(error) => Err(format!("{error} (at byte {})", error.offset())),
        })
    }

    fn append(&mut self, text: &str, decoded: &Self::Decoded<'_>) {
        self.nulls.append_non_null();
        self.usage_type.append_value(text);
        match decoded {
            None => {
                self.append_parts_null();
                self.error.append_null();
            }
            Some(Ok(row)) => self.append_row(row),
            Some(Err(message)) => {
                self.append_parts_null();
                self.error.append_value(message);
            }
        }
    }

    fn append_null(&mut self) {
        self.nulls.append_null();
        self.usage_type.append_null();
        self.append_parts_null();
        self.error.append_null();
    }

    fn finish(mut self) -> StructArray {
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(self.usage_type.finish()),
            Arc::new(self.billing_code.finish()),
            Arc::new(self.region.finish()),
            Arc::new(self.region_ambiguous.finish()),
            Arc::new(self.edge_zone.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.charge.finish()),
            Arc::new(self.billing_service.finish()),
            Arc::new(self.instance_type.finish()),
            Arc::new(self.ec2_name.finish()),
            Arc::new(self.node_type.finish()),
            Arc::new(self.family.finish()),
            Arc::new(self.size.finish()),
            Arc::new(self.normalization_factor.finish()),
            Arc::new(self.vcpus.finish()),
            Arc::new(self.memory_mib.finish()),
            Arc::new(self.processor_manufacturer.finish()),
            Arc::new(self.warning.finish()),
            Arc::new(self.error.finish()),
        ];
        StructArray::new(usage_type_fields(), arrays, self.nulls.finish())
    }
}
