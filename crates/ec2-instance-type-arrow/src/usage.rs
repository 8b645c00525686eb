//! `decode_usage_type`: a column of usage types (with their product codes and operations
//! where given) into a struct column of [`BillLine`]'s fields, one Arrow field each.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, StructArray};
use arrow_buffer::NullBufferBuilder;
use arrow_schema::{DataType, Field, Fields};
use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type::usage::{BillLine, FieldType, Value};

use crate::rows::Columns;

/// The fields of [`decode_usage_type`](crate::decode_usage_type)'s struct, in order: those
/// of the library's [`BillLine::FIELDS`] (its docs list each with what it holds), typed
/// Utf8, Boolean, Float64, Int32 or Int64, every one nullable.
///
/// A null input gives a null row; an empty string a row of nulls; text that is no usage
/// type a row with only `usage_type` and `error`.
#[must_use]
pub fn usage_type_fields() -> Fields {
    BillLine::FIELDS
        .iter()
        .map(|field| Field::new(field.name, data_type(field.ty), true))
        .collect()
}

/// The Arrow type of a field type.
fn data_type(ty: FieldType) -> DataType {
    match ty {
        FieldType::Bool => DataType::Boolean,
        FieldType::Float64 => DataType::Float64,
        FieldType::Int32 => DataType::Int32,
        FieldType::Int64 => DataType::Int64,
        _ => DataType::Utf8,
    }
}

/// The builder of one field.
enum Builder {
    Text(StringBuilder),
    Bool(BooleanBuilder),
    Float64(Float64Builder),
    Int32(Int32Builder),
    Int64(Int64Builder),
}

impl Builder {
    fn new(ty: FieldType, rows: usize) -> Self {
        match ty {
            FieldType::Bool => Builder::Bool(BooleanBuilder::with_capacity(rows)),
            FieldType::Float64 => Builder::Float64(Float64Builder::with_capacity(rows)),
            FieldType::Int32 => Builder::Int32(Int32Builder::with_capacity(rows)),
            FieldType::Int64 => Builder::Int64(Int64Builder::with_capacity(rows)),
            // Room for the usual lengths (`us-west-2`, `m5.large`): a column grows rarely.
            _ => Builder::Text(StringBuilder::with_capacity(rows, rows * 8)),
        }
    }

    /// Appends a value; one of another type than the field's (the library's tests rule
    /// that out) is appended as null.
    fn append(&mut self, value: &Value<'_>) {
        match (self, value) {
            (Builder::Text(b), Value::Text(text)) => b.append_value(text),
            (Builder::Bool(b), Value::Bool(flag)) => b.append_value(*flag),
            (Builder::Float64(b), Value::Float64(n)) => b.append_value(*n),
            (Builder::Int32(b), Value::Int32(n)) => b.append_value(*n),
            (Builder::Int64(b), Value::Int64(n)) => b.append_value(*n),
            (builder, _) => builder.append_null(),
        }
    }

    fn append_null(&mut self) {
        match self {
            Builder::Text(b) => b.append_null(),
            Builder::Bool(b) => b.append_null(),
            Builder::Float64(b) => b.append_null(),
            Builder::Int32(b) => b.append_null(),
            Builder::Int64(b) => b.append_null(),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Float64(b) => Arc::new(b.finish()),
            Builder::Int32(b) => Arc::new(b.finish()),
            Builder::Int64(b) => Arc::new(b.finish()),
        }
    }
}

/// The builders of the usage-type struct: one per field of [`BillLine::FIELDS`].
pub(crate) struct UsageColumns<'c> {
    catalogue: &'c Catalogue,
    nulls: NullBufferBuilder,
    builders: Vec<Builder>,
}

impl<'c> UsageColumns<'c> {
    pub(crate) fn new(catalogue: &'c Catalogue, rows: usize) -> Self {
        UsageColumns {
            catalogue,
            nulls: NullBufferBuilder::new(rows),
            builders: BillLine::FIELDS
                .iter()
                .map(|field| Builder::new(field.ty, rows))
                .collect(),
        }
    }
}

impl Columns for UsageColumns<'_> {
    fn append(&mut self, text: &str, [product, operation]: [Option<&str>; 2]) {
        self.nulls.append_non_null();
        if text.is_empty() {
            let (first, rest) = self.builders.split_at_mut(1);
            first[0].append(&Value::Text(text.into()));
            rest.iter_mut().for_each(Builder::append_null);
            return;
        }
        let line = BillLine::decode(text, product, operation, self.catalogue);
        for (builder, value) in self.builders.iter_mut().zip(line.values()) {
            builder.append(value);
        }
    }

    fn append_null(&mut self) {
        self.nulls.append_null();
        self.builders.iter_mut().for_each(Builder::append_null);
    }

    fn finish(mut self) -> StructArray {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        StructArray::new(usage_type_fields(), arrays, self.nulls.finish())
    }
}
