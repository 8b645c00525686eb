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

    fn append_usage(&mut self, usage: &UsageType<'_>) {
        let ec2 = usage.ec2_instance_type();
        let specs = ec2
            .and_then(|it| self.catalogue.get(it.as_str()))
            .and_then(Entry::specs);
        self.billing_code.append_option(usage.billing_code());
        self.region
            .append_option(usage.region().as_ref().map(Region::as_str));
        self.region_ambiguous
            .append_value(usage.is_region_ambiguous());
        self.edge_zone
            .append_option(usage.edge_zone().map(|z| z.name()));
        self.kind.append_value(usage.kind_str());
        self.charge
            .append_option(usage.charge().map(|c| c.as_str()));
        self.billing_service
            .append_option(usage.billing_service().map(|s| s.as_str()));
        self.instance_type
            .append_option(usage.instance_type().map(|it| it.to_string()));
        self.ec2_name
            .append_option(ec2.as_ref().map(InstanceType::as_str));
        self.node_type.append_option(usage.node_type());
        self.family.append_option(usage.family());
        self.size
            .append_option(ec2.as_ref().map(InstanceType::size_str));
        self.normalization_factor
            .append_option(ec2.and_then(|it| self.catalogue.normalization_factor(&it)));
        self.vcpus
            .append_option(specs.map(|s| i32::try_from(s.vcpus).unwrap_or(i32::MAX)));
        self.memory_mib
            .append_option(specs.map(|s| i64::try_from(s.memory_mib).unwrap_or(i64::MAX)));
        self.processor_manufacturer
            .append_option(specs.and_then(|s| s.processor_manufacturer));
        self.warning
            .append_option(usage.warning().map(|w| w.to_string()));
        self.error.append_null();
    }
}

impl Columns for UsageColumns<'_> {
    fn append(&mut self, text: &str, product: Option<&str>) {
        self.nulls.append_non_null();
        self.usage_type.append_value(text);
        if text.is_empty() {
            self.append_parts_null();
            self.error.append_null();
            return;
        }
        let parsed = match product.filter(|p| !p.is_empty()) {
            Some(product) => UsageType::parse_for_product(text, product),
            None => UsageType::parse(text),
        };
        match parsed {
            Ok(usage) => self.append_usage(&usage),
            Err(error) => {
                self.append_parts_null();
                self.error
                    .append_value(format!("{error} (at byte {})", error.offset()));
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
