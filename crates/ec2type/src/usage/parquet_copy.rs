//! `ec2type usage --input FILE.parquet --output OUT.parquet`: the input's column chunks
//! copied byte for byte into the output's row groups (no decompression, no re-encoding),
//! and the decoded columns written beside them, row group by row group. Only the columns
//! decoded (the usage type, the product code) are read, the usage type as a dictionary,
//! and the decoded strings are written from the distinct rows with a key per row.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{
    Array, ArrayRef, DictionaryArray, RecordBatch, StringArray, StructArray, UInt32Array,
};
use arrow_schema::{DataType, Schema, SchemaRef};
use arrow_select::take::take;
use ec2_instance_type_arrow::{
    BillCosts, FocusCharges, PAID_FIELDS, decode_bill_lines, decode_bill_lines_with_costs,
    decode_usage_type_dictionary, paid_columns,
};
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::file::metadata::PageIndexPolicy;
// `get_column_writers` is deprecated for `ArrowRowGroupWriterFactory`, which makes writers
// for every column of the file: here only the added ones are encoded.
#[allow(deprecated)]
use parquet::arrow::arrow_writer::{ArrowColumnChunk, compute_leaves, get_column_writers};
use parquet::arrow::{ArrowSchemaConverter, ProjectionMask, add_encoded_arrow_schema_to_metadata};
use parquet::basic::{Compression, ZstdLevel};
use parquet::column::writer::ColumnCloseResult;
use parquet::file::metadata::ParquetMetaData;
use parquet::file::properties::{EnabledStatistics, WriterProperties, WriterPropertiesPtr};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::SchemaDescriptor;
use parquet::schema::types::Type;

use crate::Status;
use crate::usage::columns::{self, Columns, Found};
use crate::usage::csv_stream::{self, Problems};
use crate::usage::file::{BATCH_ROWS, check_column, create, other, output_schema, report_errors};

/// The most rows decoded in one call (of the two columns read, a few tens of MB).
const GROUP_BATCH_ROWS: usize = 1 << 20;

/// Decodes the usage types of a Parquet file into another, copying its columns as they
/// are. Exit 2 when some row did not decode.
pub fn run(columns: &Columns<'_>, input: &Path, output: &Path) -> io::Result<Status> {
    let file = File::open(input)?;
    let named = |e: parquet::errors::ParquetError| other(format!("{}: {e}", input.display()));
    // The page indexes too: the copied chunks keep theirs.
    let options = ArrowReaderOptions::new().with_page_index_policy(PageIndexPolicy::Optional);
    // Read once: every row group's reader below shares it.
    let reader_metadata = ArrowReaderMetadata::load(&file, options).map_err(named)?;
    let schema = reader_metadata.schema().clone();
    let metadata = reader_metadata.metadata().clone();
    let column_names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let found = columns::find(&column_names, columns)?;
    let usage_at = found.usage_type.0;
    // The first row group's usage types are checked before the output is created.
    check_first_values(&file, &reader_metadata, &found, columns.force)
        .map_err(|e| other(format!("{}: {e}", input.display())))?;
    let out_schema = output_schema(&schema, false)?;
    let added: SchemaRef = Arc::new(Schema::new(
        out_schema.fields()[schema.fields().len()..].to_vec(),
    ));

    let added_descr = ArrowSchemaConverter::new().convert(&added).map_err(other)?;
    let (mut writer, properties) = writer_for(output, &metadata, &added_descr, &out_schema)?;
    let input_descr = metadata.file_metadata().schema_descr();
    let mask = ProjectionMask::roots(input_descr, found.read_indexes());
    let reader_metadata = with_dictionary(reader_metadata, usage_at).map_err(named)?;
    let groups = metadata.row_groups();
    // Each row group's first row, counted from 1 (for the problems reported).
    let first_rows: Vec<u64> = groups
        .iter()
        .scan(1u64, |next, group| {
            let first = *next;
            *next += u64::try_from(group.num_rows()).unwrap_or_default();
            Some(first)
        })
        .collect();
    let job = GroupJob {
        input,
        reader_metadata: &reader_metadata,
        mask: &mask,
        added: &added,
        added_descr: &added_descr,
        properties: &properties,
        columns,
        found: &found,
    };
    // Row groups are decoded and their new columns encoded on every core, a wave of as
    // many groups as cores at a time (memory: that many groups' new columns), and written
    // in order.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let bar = csv_stream::progress_rows(
        u64::try_from(metadata.file_metadata().num_rows()).unwrap_or_default(),
    );
    let mut problems = Problems::new("row").with_bar(bar.clone());
    for wave in (0..groups.len()).collect::<Vec<_>>().chunks(cores) {
        let encoded = job.encode_wave(wave, &first_rows);
        for (&index, encoded) in wave.iter().zip(encoded) {
            let encoded = encoded?;
            for (row, message) in &encoded.problems {
                problems.report(*row, message);
            }
            append_group(&mut writer, &file, &metadata, index, encoded.chunks)?;
            if let Some(bar) = &bar {
                bar.inc(u64::try_from(metadata.row_group(index).num_rows()).unwrap_or_default());
            }
        }
    }
    writer.close().map_err(other)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    problems.summarize();
    Ok(if problems.any() {
        Status::Error
    } else {
        Status::Success
    })
}

/// Appends row group `index`: its columns copied from the input as they are, then its new
/// columns.
fn append_group(
    writer: &mut SerializedFileWriter<BufWriter<File>>,
    file: &File,
    metadata: &ParquetMetaData,
    index: usize,
    new_columns: Vec<ArrowColumnChunk>,
) -> io::Result<()> {
    let group = metadata.row_group(index);
    let mut group_writer = writer.next_row_group().map_err(other)?;
    for (at, chunk) in group.columns().iter().enumerate() {
        let copied = ColumnCloseResult {
            bytes_written: u64::try_from(chunk.compressed_size()).unwrap_or_default(),
            rows_written: u64::try_from(group.num_rows()).unwrap_or_default(),
            metadata: chunk.clone(),
            bloom_filter: None,
            column_index: metadata
                .column_index()
                .and_then(|groups| groups.get(index)?.get(at).cloned()),
            offset_index: metadata
                .offset_index()
                .and_then(|groups| groups.get(index)?.get(at).cloned()),
        };
        group_writer.append_column(file, copied).map_err(other)?;
    }
    for chunk in new_columns {
        chunk
            .append_to_row_group(&mut group_writer)
            .map_err(other)?;
    }
    group_writer.close().map_err(other)?;
    Ok(())
}

/// What decoding one row group needs, shared by the threads that do it.
struct GroupJob<'a> {
    input: &'a Path,
    reader_metadata: &'a ArrowReaderMetadata,
    mask: &'a ProjectionMask,
    added: &'a SchemaRef,
    added_descr: &'a SchemaDescriptor,
    properties: &'a WriterPropertiesPtr,
    columns: &'a Columns<'a>,
    found: &'a Found,
}

/// One row group's new columns, encoded, and the problems of its rows.
struct Encoded {
    chunks: Vec<ArrowColumnChunk>,
    problems: Vec<(u64, String)>,
}

impl GroupJob<'_> {
    /// Encodes the row groups of `wave`, one thread each, in their order.
    fn encode_wave(&self, wave: &[usize], first_rows: &[u64]) -> Vec<io::Result<Encoded>> {
        std::thread::scope(|scope| {
            let handles: Vec<_> = wave
                .iter()
                .map(|&index| {
                    let first_row = first_rows[index];
                    scope.spawn(move || self.encode(index, first_row))
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|_| Err(other("a decoding thread stopped")))
                })
                .collect()
        })
    }

    /// Reads row group `index`'s columns to decode, decodes them and encodes the new
    /// columns (in memory, ready to be appended in order).
    fn encode(&self, index: usize, first_row: u64) -> io::Result<Encoded> {
        let named =
            |e: parquet::errors::ParquetError| other(format!("{}: {e}", self.input.display()));
        let rows = self.reader_metadata.metadata().row_group(index).num_rows();
        #[allow(deprecated)]
        let mut added_writers =
            get_column_writers(self.added_descr, self.properties, self.added).map_err(other)?;
        // A file of its own: clones of one handle share its offset, which the reader
        // seeks, and threads would read each other's pages.
        let file = File::open(self.input)?;
        let reader =
            ParquetRecordBatchReaderBuilder::new_with_metadata(file, self.reader_metadata.clone())
                .with_projection(self.mask.clone())
                .with_row_groups(vec![index])
                // One batch per row group where it fits: a column's distinct values are
                // decoded once per call, so bigger calls decode less.
                .with_batch_size(
                    usize::try_from(rows)
                        .unwrap_or(BATCH_ROWS)
                        .clamp(1, GROUP_BATCH_ROWS),
                )
                .build()
                .map_err(named)?;
        let mut problems = Vec::new();
        let mut first_row = first_row;
        for batch in reader {
            let batch = batch.map_err(|e| other(format!("{}: {e}", self.input.display())))?;
            let decoded = decode_batch_keyed(&batch, self.columns, self.found)?;
            let paid = paid_of_batch(&batch, self.columns, self.found)?;
            let (keys, rows) = (decoded.keys(), decoded.values().as_struct());
            report_errors(rows, Some(keys.values()), first_row, &mut |row, message| {
                problems.push((row, message.to_owned()));
            });
            first_row += batch.num_rows() as u64;
            let distinct = rows.columns().iter().skip(1);
            for ((field, values), writer) in self
                .added
                .fields()
                .iter()
                .zip(distinct)
                .zip(&mut added_writers)
            {
                // What a row paid is its own, not its line's.
                let own = PAID_FIELDS
                    .iter()
                    .position(|name| field.name().strip_prefix("ec2type_") == Some(*name))
                    .and_then(|i| paid.as_ref().map(|p| Arc::clone(&p[i])));
                let array = match own {
                    Some(array) => array,
                    None => keyed_column(values, keys)?,
                };
                for leaf in compute_leaves(field, &array).map_err(other)? {
                    writer.write(&leaf).map_err(other)?;
                }
            }
        }
        let chunks = added_writers
            .into_iter()
            .map(|writer| writer.close().map_err(other))
            .collect::<io::Result<_>>()?;
        Ok(Encoded { chunks, problems })
    }
}

/// Refuses a usage-type column whose first values do not look like usage types
/// ([`columns::check_values`]), reading only that column's first rows.
fn check_first_values(
    file: &File,
    metadata: &ArrowReaderMetadata,
    found: &Found,
    force: bool,
) -> io::Result<()> {
    let mask = ProjectionMask::roots(
        metadata.metadata().file_metadata().schema_descr(),
        [found.usage_type.0],
    );
    let first =
        ParquetRecordBatchReaderBuilder::new_with_metadata(file.try_clone()?, metadata.clone())
            .with_projection(mask)
            .with_batch_size(4 * columns::SAMPLED_VALUES)
            .build()
            .map_err(other)?
            .next()
            .transpose()
            .map_err(other)?;
    let Some(first) = first else {
        return Ok(());
    };
    // The batch holds the one column read.
    check_column(first.column(0), &found.usage_type.1, force)
}

/// The reader's metadata with column `at` read as a dictionary (where it holds strings):
/// a bill's usage types are dictionary-encoded in Parquet, and read so, each distinct
/// value is decoded once straight from the chunk's dictionary, where plain strings would
/// be looked up row by row to find the distinct ones. (A chunk whose writer fell back to
/// plain pages is turned into a dictionary by the reader, at the cost of that lookup.)
fn with_dictionary(
    metadata: ArrowReaderMetadata,
    at: usize,
) -> Result<ArrowReaderMetadata, parquet::errors::ParquetError> {
    let schema = metadata.schema();
    let field = schema.field(at);
    if !matches!(field.data_type(), DataType::Utf8 | DataType::LargeUtf8) {
        return Ok(metadata);
    }
    let dictionary = DataType::Dictionary(
        Box::new(DataType::Int32),
        Box::new(field.data_type().clone()),
    );
    let mut fields = schema.fields().to_vec();
    fields[at] = Arc::new(field.as_ref().clone().with_data_type(dictionary));
    let hinted = Schema::new_with_metadata(fields, schema.metadata().clone());
    // The page indexes were read with the metadata: only the schema is new.
    let options = ArrowReaderOptions::new().with_schema(Arc::new(hinted));
    ArrowReaderMetadata::try_new(metadata.metadata().clone(), options)
}

/// The output file's writer: the input's Parquet schema, then the decoded columns', and
/// the combined Arrow schema in its metadata (readers recover Arrow types from it, time
/// zones and all, as from the input).
fn writer_for(
    output: &Path,
    metadata: &ParquetMetaData,
    added: &SchemaDescriptor,
    out_schema: &Schema,
) -> io::Result<(SerializedFileWriter<BufWriter<File>>, WriterPropertiesPtr)> {
    let input = metadata.file_metadata().schema_descr().root_schema();
    let mut fields = input.get_fields().to_vec();
    fields.extend(added.root_schema().get_fields().iter().cloned());
    let root = Type::group_type_builder(input.name())
        .with_fields(fields)
        .build()
        .map_err(other)?;
    let mut properties =
        WriterProperties::builder().set_compression(Compression::ZSTD(ZstdLevel::default()));
    // A file's chunks all have offset indexes or none do: the added ones follow the input.
    if metadata.offset_index().is_none() {
        properties = properties
            .set_statistics_enabled(EnabledStatistics::Chunk)
            .set_offset_index_disabled(true);
    }
    let mut properties = properties.build();
    add_encoded_arrow_schema_to_metadata(out_schema, &mut properties);
    let properties = Arc::new(properties);
    let writer = SerializedFileWriter::new(create(output)?, Arc::new(root), properties.clone())
        .map_err(other)?;
    Ok((writer, properties))
}

/// One decoded field for every row: its distinct values with the rows' keys where the
/// column writer takes a dictionary (strings: it looks each row's value up in its own
/// dictionary, and a gathered copy would only be read once), gathered otherwise (the
/// primitive writers take plain arrays).
fn keyed_column(values: &ArrayRef, keys: &UInt32Array) -> io::Result<ArrayRef> {
    if values.data_type() == &DataType::Utf8 {
        let dictionary = DictionaryArray::try_new(keys.clone(), values.clone()).map_err(other)?;
        Ok(Arc::new(dictionary))
    } else {
        take(values.as_ref(), keys, None).map_err(other)
    }
}

/// What a batch's lines are decoded from: its usage-type column, and its product codes
/// and operations where given (a column, or one value for all).
type Inputs<'b> = (&'b ArrayRef, Option<ArrayRef>, Option<ArrayRef>);

fn inputs<'b>(
    batch: &'b RecordBatch,
    columns: &Columns<'_>,
    found: &Found,
) -> io::Result<Inputs<'b>> {
    fn name(column: Option<&(usize, String)>) -> Option<&str> {
        column.map(|(_, n)| n.as_str())
    }
    Ok((
        batch_column(batch, &found.usage_type.1)?,
        beside(batch, name(found.product.as_ref()), columns.fixed_product)?,
        beside(
            batch,
            name(found.operation.as_ref()),
            columns.fixed_operation,
        )?,
    ))
}

/// The decoded struct of a batch, with what each row paid where the report has its cost
/// columns.
pub fn decode_batch(
    batch: &RecordBatch,
    columns: &Columns<'_>,
    found: &Found,
) -> io::Result<StructArray> {
    let (values, products, operations) = inputs(batch, columns, found)?;
    if found.costs.any() {
        let arrays = cost_arrays(batch, found)?;
        return decode_bill_lines_with_costs(
            values,
            products.as_deref(),
            operations.as_deref(),
            &bill_costs(&arrays),
            columns.catalogue,
        )
        .map_err(other);
    }
    decode_bill_lines(
        values,
        products.as_deref(),
        operations.as_deref(),
        columns.catalogue,
    )
    .map_err(other)
}

/// The batch's cost columns, each where the report has it, in the order of
/// [`CostColumns::all`](crate::usage::columns::CostColumns::all); a FOCUS export's line
/// item types from its charge columns.
fn cost_arrays(batch: &RecordBatch, found: &Found) -> io::Result<[Option<ArrayRef>; 5]> {
    let mut arrays: [Option<ArrayRef>; 5] = Default::default();
    for (slot, column) in arrays.iter_mut().zip(found.costs.all()) {
        if let Some((_, name)) = column {
            *slot = Some(batch_column(batch, name)?.clone());
        }
    }
    if found.costs.focus.is_some() {
        arrays[0] = Some(focus_line_item_types(batch, found)?);
    }
    Ok(arrays)
}

/// The line item types a FOCUS batch's charge columns stand for (the kernel's
/// [`focus_line_item_types`]).
fn focus_line_item_types(batch: &RecordBatch, found: &Found) -> io::Result<ArrayRef> {
    let mut columns: [Option<&ArrayRef>; 5] = [None; 5];
    for (slot, column) in columns.iter_mut().zip(found.costs.focus.iter().flatten()) {
        if let Some((_, name)) = column {
            *slot = Some(batch_column(batch, name)?);
        }
    }
    let array = |i: usize| columns[i].map(|a| a.as_ref() as &dyn Array);
    let types = ec2_instance_type_arrow::focus_line_item_types(&FocusCharges {
        charge_categories: array(0),
        pricing_categories: array(1),
        commitment_discount_statuses: array(2),
        commitment_discount_ids: array(3),
        commitment_discount_types: array(4),
    })
    .map_err(other)?;
    Ok(Arc::new(types))
}

/// The cost columns as the kernel takes them.
fn bill_costs(arrays: &[Option<ArrayRef>; 5]) -> BillCosts<'_> {
    let array = |i: usize| arrays[i].as_deref();
    BillCosts {
        line_item_types: array(0),
        usage_amounts: array(1),
        unblended_costs: array(2),
        reservation_effective_costs: array(3),
        savings_plan_effective_costs: array(4),
    }
}

/// What each row of a batch paid: the three paid fields' columns, where the report has
/// its cost columns.
fn paid_of_batch(
    batch: &RecordBatch,
    columns: &Columns<'_>,
    found: &Found,
) -> io::Result<Option<[ArrayRef; 3]>> {
    if !found.costs.any() {
        return Ok(None);
    }
    let (values, products, operations) = inputs(batch, columns, found)?;
    let arrays = cost_arrays(batch, found)?;
    paid_columns(
        values,
        products.as_deref(),
        operations.as_deref(),
        &bill_costs(&arrays),
        columns.catalogue,
    )
    .map(Some)
    .map_err(other)
}

/// [`decode_batch`]'s rows before they are gathered: the distinct rows and a key per row.
fn decode_batch_keyed(
    batch: &RecordBatch,
    columns: &Columns<'_>,
    found: &Found,
) -> io::Result<DictionaryArray<UInt32Type>> {
    let (values, products, operations) = inputs(batch, columns, found)?;
    decode_usage_type_dictionary(
        values,
        products.as_deref(),
        operations.as_deref(),
        columns.catalogue,
    )
    .map_err(other)
}

/// A column read beside the usage types (product codes, operations): the batch's column
/// `name`, or the one value given for every row (as a dictionary of that one value);
/// `None` without either.
fn beside(
    batch: &RecordBatch,
    name: Option<&str>,
    fixed: Option<&str>,
) -> io::Result<Option<ArrayRef>> {
    Ok(match (name, fixed) {
        (Some(name), _) => Some(batch_column(batch, name)?.clone()),
        (None, Some(value)) => {
            let keys = UInt32Array::from(vec![0; batch.num_rows()]);
            let one = Arc::new(StringArray::from(vec![value]));
            Some(Arc::new(
                DictionaryArray::try_new(keys, one).map_err(other)?,
            ))
        }
        (None, None) => None,
    })
}

/// The batch's column `name`.
fn batch_column<'b>(batch: &'b RecordBatch, name: &str) -> io::Result<&'b ArrayRef> {
    batch
        .column_by_name(name)
        .ok_or_else(|| other(format!("no column {name:?} in the input")))
}
