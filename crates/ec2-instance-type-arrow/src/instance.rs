//! `decode_instance_type`: a column of instance type names into a struct column of their
//! parts and the catalogue's main facts.

use std::sync::Arc;

use arrow_array::builder::{
    Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, StructArray};
use arrow_buffer::NullBufferBuilder;
use arrow_schema::{DataType, Field, Fields};
use ec2_instance_type::catalogue::{Catalogue, Entry};
use ec2_instance_type::{Region, ServiceInstanceType};

use crate::rows::Columns;

/// The fields of [`decode_instance_type`](crate::decode_instance_type)'s struct, in order:
///
/// | field | type | |
/// |---|---|---|
/// | `service` | Utf8 | `db`, `cache`, `ml`, `search`, ...; null for a plain EC2 name |
/// | `ec2_name` | Utf8 | the EC2 type: `r6g.large` for `db.r6g.large` |
/// | `family`, `series` | Utf8 | `p3dn`, `p` |
/// | `generation` | Int32 | `3`; null where a name has none (`u-6tb1.metal`) |
/// | `capabilities` | List(Utf8) | the capability letters: `["d", "n"]` |
/// | `options` | List(Utf8) | the dash options: `["flex"]` |
/// | `processor` | Utf8 | what the letters say: `graviton`, `amd`, `intel`; null when they do not |
/// | `size` | Utf8 | `24xlarge`, `metal-24xl` |
/// | `normalization_factor` | Float64 | RI units (a bare `metal` from the catalogue) |
/// | `in_catalogue` | Boolean | whether the catalogue lists the EC2 type |
/// | `vcpus` | Int32 | from the catalogue |
/// | `memory_mib` | Int64 | from the catalogue |
/// | `architectures` | List(Utf8) | from the catalogue: `["x86_64"]`, `["arm64"]` |
/// | `processor_manufacturer` | Utf8 | from the catalogue |
/// | `on_demand_usd_per_hour` | Float64 | the Linux on-demand price of the region asked, EC2 names only |
/// | `price_region` | Utf8 | the region of that price |
/// | `price_tenancy` | Utf8 | `shared`; `dedicated` for bare metal where the source lists only that |
/// | `error` | Utf8 | why the text is no instance type name (every other field is then null) |
///
/// A service name (`db.r6g.large`) gets no price: an EC2 price is not what RDS charges.
/// A region with no price in the catalogue gives a null price, never another region's.
#[must_use]
pub fn instance_type_fields() -> Fields {
    let text = |name| Field::new(name, DataType::Utf8, true);
    let list = |name| Field::new_list(name, Field::new_list_field(DataType::Utf8, true), true);
    Fields::from(vec![
        text("service"),
        text("ec2_name"),
        text("family"),
        text("series"),
        Field::new("generation", DataType::Int32, true),
        list("capabilities"),
        list("options"),
        text("processor"),
        text("size"),
        Field::new("normalization_factor", DataType::Float64, true),
        Field::new("in_catalogue", DataType::Boolean, true),
        Field::new("vcpus", DataType::Int32, true),
        Field::new("memory_mib", DataType::Int64, true),
        list("architectures"),
        text("processor_manufacturer"),
        Field::new("on_demand_usd_per_hour", DataType::Float64, true),
        text("price_region"),
        text("price_tenancy"),
        text("error"),
    ])
}

/// The builders of the instance-type struct.
pub(crate) struct InstanceColumns<'c> {
    catalogue: &'c Catalogue,
    region: Region,
    nulls: NullBufferBuilder,
    service: StringBuilder,
    ec2_name: StringBuilder,
    family: StringBuilder,
    series: StringBuilder,
    generation: Int32Builder,
    capabilities: ListBuilder<StringBuilder>,
    options: ListBuilder<StringBuilder>,
    processor: StringBuilder,
    size: StringBuilder,
    normalization_factor: Float64Builder,
    in_catalogue: arrow_array::builder::BooleanBuilder,
    vcpus: Int32Builder,
    memory_mib: Int64Builder,
    architectures: ListBuilder<StringBuilder>,
    processor_manufacturer: StringBuilder,
    on_demand_usd_per_hour: Float64Builder,
    price_region: StringBuilder,
    price_tenancy: StringBuilder,
    error: StringBuilder,
}

impl<'c> InstanceColumns<'c> {
    pub(crate) fn new(catalogue: &'c Catalogue, region: Region, rows: usize) -> Self {
        let text = || StringBuilder::with_capacity(rows, rows * 8);
        let list = || ListBuilder::with_capacity(StringBuilder::new(), rows);
        InstanceColumns {
            catalogue,
            region,
            nulls: NullBufferBuilder::new(rows),
            service: text(),
            ec2_name: text(),
            family: text(),
            series: text(),
            generation: Int32Builder::with_capacity(rows),
            capabilities: list(),
            options: list(),
            processor: text(),
            size: text(),
            normalization_factor: Float64Builder::with_capacity(rows),
            in_catalogue: arrow_array::builder::BooleanBuilder::with_capacity(rows),
            vcpus: Int32Builder::with_capacity(rows),
            memory_mib: Int64Builder::with_capacity(rows),
            architectures: list(),
            processor_manufacturer: text(),
            on_demand_usd_per_hour: Float64Builder::with_capacity(rows),
            price_region: text(),
            price_tenancy: text(),
            error: text(),
        }
    }

    /// Appends null to every field but `error`.
    fn append_parts_null(&mut self) {
        for text in [
            &mut self.service,
            &mut self.ec2_name,
            &mut self.family,
            &mut self.series,
            &mut self.processor,
            &mut self.size,
            &mut self.processor_manufacturer,
            &mut self.price_region,
            &mut self.price_tenancy,
        ] {
            text.append_null();
        }
        for list in [
            &mut self.capabilities,
            &mut self.options,
            &mut self.architectures,
        ] {
            list.append_null();
        }
        self.generation.append_null();
        self.normalization_factor.append_null();
        self.in_catalogue.append_null();
        self.vcpus.append_null();
        self.memory_mib.append_null();
        self.on_demand_usd_per_hour.append_null();
    }

    /// Appends a decoded name's row, with the catalogue's facts of its EC2 type.
    fn append_decoded(&mut self, name: &ServiceInstanceType, region: &Region) {
        let it = name.instance_type();
        let entry = self.catalogue.get(it.as_str());
        let specs = entry.and_then(Entry::specs);
        self.service
            .append_option(name.service().map(|s| s.as_str()));
        self.ec2_name.append_value(it.as_str());
        self.family.append_value(it.family());
        self.series.append_value(it.series_str());
        self.generation
            .append_option(it.generation().map(i32::from));
        for letter in it.capabilities() {
            self.capabilities.values().append_value(letter.as_str());
        }
        self.capabilities.append(true);
        for option in it.option_strs() {
            self.options.values().append_value(option);
        }
        self.options.append(true);
        self.processor
            .append_option(it.processor().map(|p| p.as_str()));
        self.size.append_value(it.size_str());
        self.normalization_factor
            .append_option(self.catalogue.normalization_factor(it));
        self.in_catalogue.append_value(entry.is_some());
        self.vcpus
            .append_option(specs.map(|s| i32::try_from(s.vcpus).unwrap_or(i32::MAX)));
        self.memory_mib
            .append_option(specs.map(|s| i64::try_from(s.memory_mib).unwrap_or(i64::MAX)));
        match specs {
            Some(specs) => {
                for architecture in specs.architectures.iter() {
                    self.architectures
                        .values()
                        .append_value(architecture.as_str());
                }
                self.architectures.append(true);
            }
            None => self.architectures.append_null(),
        }
        self.processor_manufacturer
            .append_option(specs.and_then(|s| s.processor_manufacturer));
        // An EC2 price is not what RDS or ElastiCache charge.
        let price = match name.service() {
            Some(_) => None,
            None => entry.and_then(|e| e.on_demand(*region)),
        };
        self.on_demand_usd_per_hour
            .append_option(price.map(|p| p.usd_per_hour));
        self.price_region.append_option(price.map(|p| p.region));
        self.price_tenancy
            .append_option(price.map(|p| p.tenancy.as_str()));
        self.error.append_null();
    }
}

impl Columns for InstanceColumns<'_> {
    /// `region` is the row's region where one was given beside the names.
    fn append(&mut self, text: &str, [region, _]: [Option<&str>; 2]) {
        self.nulls.append_non_null();
        let region = match region.filter(|r| !r.is_empty()).map(Region::parse_known) {
            None => Ok(self.region),
            Some(Ok(region)) => Ok(region),
            Some(Err(error)) => Err(format!("region: {error}")),
        };
        let decoded = text
            .parse::<ServiceInstanceType>()
            .map_err(|error| format!("{error} (at byte {})", error.offset()));
        match (decoded, region) {
            (Ok(name), Ok(region)) => self.append_decoded(&name, &region),
            (Err(error), _) | (_, Err(error)) => {
                self.append_parts_null();
                self.error.append_value(error);
            }
        }
    }

    fn append_null(&mut self) {
        self.nulls.append_null();
        self.append_parts_null();
        self.error.append_null();
    }

    fn finish(mut self) -> StructArray {
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(self.service.finish()),
            Arc::new(self.ec2_name.finish()),
            Arc::new(self.family.finish()),
            Arc::new(self.series.finish()),
            Arc::new(self.generation.finish()),
            Arc::new(self.capabilities.finish()),
            Arc::new(self.options.finish()),
            Arc::new(self.processor.finish()),
            Arc::new(self.size.finish()),
            Arc::new(self.normalization_factor.finish()),
            Arc::new(self.in_catalogue.finish()),
            Arc::new(self.vcpus.finish()),
            Arc::new(self.memory_mib.finish()),
            Arc::new(self.architectures.finish()),
            Arc::new(self.processor_manufacturer.finish()),
            Arc::new(self.on_demand_usd_per_hour.finish()),
            Arc::new(self.price_region.finish()),
            Arc::new(self.price_tenancy.finish()),
            Arc::new(self.error.finish()),
        ];
        StructArray::new(instance_type_fields(), arrays, self.nulls.finish())
    }
}
