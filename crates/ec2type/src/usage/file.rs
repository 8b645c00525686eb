//! `ec2type usage --column NAME --input FILE [--output FILE]`: a whole CUR or FOCUS
//! export, Parquet or CSV (gzip too, by content), decoded by the Arrow kernels of
//! `ec2-instance-type-arrow` and written as Parquet (`--output *.parquet`: the input's
//! columns with their types, then the decoded ones, typed) or CSV (stdout by default).
//! Streams batch by batch in bounded memory.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::Float64Type;
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader, StringArray, StructArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::Status;
use crate::usage::columns::{self, Columns};
use crate::usage::csv_stream::{self, Problems};

/// Rows per batch read and decoded (Parquet and CSV input alike).
pub const BATCH_ROWS: usize = 64 * 1024;

/// Rows per row group written: bounds what the Parquet writer holds in memory.
const ROW_GROUP_ROWS: usize = 256 * 1024;

/// Where to read, what to decode, where to write.
pub struct FileArgs<'a> {
    pub columns: Columns<'a>,
    pub input: &'a Path,
    pub output: Option<&'a Path>,
}

/// An I/O error with `message` (Parquet's, Arrow's and our own errors on the way out).
pub fn other(message: impl std::fmt::Display) -> io::Error {
    io::Error::other(message.to_string())
}

/// Decodes `--input` into `--output`. Exit 2 when some row did not decode.
pub fn run(args: &FileArgs<'_>) -> io::Result<Status> {
    let input = args.input;
    let mut file = File::open(input)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", input.display())))?;
    let mut magic = [0u8; 4];
    // Parquet starts with `PAR1`; anything shorter or else is CSV (gzip or not).
    let parquet = file.read_exact(&mut magic).is_ok() && &magic == b"PAR1";
    let file = File::open(input)?;
    let to_parquet = is_parquet_name(args.output);
    match (parquet, to_parquet) {
        (false, false) => {
            let size = file.metadata().ok().map(|m| m.len());
            let bar = csv_stream::progress(size);
            let reader = match &bar {
                Some(bar) => crate::gzip::maybe_gzip(bar.wrap_read(file))?,
                None => crate::gzip::maybe_gzip(file)?,
            };
            match args.output {
                Some(path) => csv_stream::decode_csv(&args.columns, reader, create(path)?, bar),
                None => csv_stream::decode_csv(&args.columns, reader, io::stdout().lock(), bar),
            }
        }
        (true, true) => match args.output {
            // Copies the input's column chunks as they are: only the decoded ones are new.
            Some(output) => crate::usage::parquet_copy::run(&args.columns, input, output),
            None => Err(other("Parquet output needs --output")),
        },
        (true, false) => {
            let builder = ParquetRecordBatchReaderBuilder::try_new(file)
                .map_err(|e| other(format!("{}: {e}", input.display())))?;
            let rows = builder.metadata().file_metadata().num_rows();
            let bar = csv_stream::progress_rows(u64::try_from(rows).unwrap_or_default());
            let reader = builder.with_batch_size(BATCH_ROWS).build().map_err(other)?;
            let schema = reader.schema();
            let batches = reader.map(|batch| {
                let batch = batch.map_err(other)?;
                if let Some(bar) = &bar {
                    bar.inc(batch.num_rows() as u64);
                }
                Ok(batch)
            });
            let status = decode_batches(args, &schema, batches, to_parquet);
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            status
        }
        (false, true) => {
            let size = file.metadata().ok().map(|m| m.len());
            let bar = csv_stream::progress(size);
            let status = match &bar {
                Some(bar) => csv_to_parquet(args, crate::gzip::maybe_gzip(bar.wrap_read(file))?),
                None => csv_to_parquet(args, crate::gzip::maybe_gzip(file)?),
            };
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            status
        }
    }
}

/// Whether the output is to be Parquet: its name ends in `.parquet`.
fn is_parquet_name(output: Option<&Path>) -> bool {
    output.is_some_and(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
    })
}

/// A CSV (already decompressed) decoded into Parquet, batch by batch.
fn csv_to_parquet(args: &FileArgs<'_>, input: Box<dyn io::BufRead + '_>) -> io::Result<Status> {
    let mut batches = CsvBatches::new(input)?;
    let schema = batches.schema.clone();
    let status = decode_batches(args, &schema, std::iter::from_fn(|| batches.next()), true)?;
    // Records of the wrong width or not UTF-8 were reported as they were read.
    Ok(if batches.problems.any() {
        Status::Error
    } else {
        status
    })
}

/// Decodes the bill on stdin: CSV or gzip CSV streams through; Parquet (which is read from
/// its end) is copied to a temporary file first, removed afterwards.
pub fn run_stdin(columns: &Columns<'_>, output: Option<&Path>) -> io::Result<Status> {
    let stdin = io::stdin().lock();
    let mut input = io::BufReader::with_capacity(1 << 16, stdin);
    let parquet = io::BufRead::fill_buf(&mut input)?.starts_with(b"PAR1");
    if parquet {
        return with_spooled(input, |spool| {
            run(&FileArgs {
                columns: *columns,
                input: spool,
                output,
            })
        });
    }
    let args = FileArgs {
        columns: *columns,
        input: Path::new("-"),
        output,
    };
    let bar = csv_stream::progress(csv_stream::stdin_file_size());
    if is_parquet_name(output) {
        let status = match &bar {
            Some(bar) => csv_to_parquet(&args, crate::gzip::maybe_gzip(bar.wrap_read(input))?),
            None => csv_to_parquet(&args, crate::gzip::maybe_gzip(input)?),
        };
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        return status;
    }
    let reader = match &bar {
        Some(bar) => crate::gzip::maybe_gzip(bar.wrap_read(input))?,
        None => crate::gzip::maybe_gzip(input)?,
    };
    match output {
        Some(path) => csv_stream::decode_csv(columns, reader, create(path)?, bar),
        None => csv_stream::decode_csv(columns, reader, io::stdout().lock(), bar),
    }
}

/// Runs `job` on a temporary copy of `input` (Parquet on stdin, which is read from its
/// end), removed afterwards.
pub fn with_spooled<T>(
    mut input: impl Read,
    job: impl FnOnce(&Path) -> io::Result<T>,
) -> io::Result<T> {
    let spool = std::env::temp_dir().join(format!("ec2type-stdin-{}.parquet", std::process::id()));
    let copied = File::create(&spool).and_then(|mut file| io::copy(&mut input, &mut file));
    let result = copied.and_then(|_| job(&spool));
    let _ = std::fs::remove_file(&spool);
    result
}

/// `path` created for writing, buffered; an error names the path.
pub fn create(path: &Path) -> io::Result<BufWriter<File>> {
    let file = File::create(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(BufWriter::with_capacity(1 << 16, file))
}

/// Refuses a usage-type column (named `name`) whose first values do not look like usage
/// types ([`columns::check_values`]).
pub fn check_column(column: &ArrayRef, name: &str, force: bool) -> io::Result<()> {
    let text = arrow_cast_strings(column)?;
    columns::check_values(name, text.iter().flatten(), force)
}

/// A column of strings as Utf8 (a dictionary's or a view's values cast), for a check.
fn arrow_cast_strings(column: &ArrayRef) -> io::Result<StringArray> {
    let rows = column.len().min(4 * columns::SAMPLED_VALUES);
    let head = column.slice(0, rows);
    let cast = arrow_cast::cast(&head, &DataType::Utf8).map_err(other)?;
    Ok(cast.as_string::<i32>().clone())
}

/// The output schema: the input's fields, then the decoded ones (`ec2type_` and the name
/// of each field of the kernel's struct but the usage type itself); for CSV, the decoded
/// doubles are text.
pub fn output_schema(input: &Schema, csv: bool) -> io::Result<SchemaRef> {
    let mut fields: Vec<Arc<Field>> = input.fields().iter().cloned().collect();
    for field in ec2_instance_type_arrow::usage_type_fields().iter().skip(1) {
        let name = format!("ec2type_{}", field.name());
        if input.index_of(&name).is_ok() {
            return Err(other(format!(
                "the input already has a column {name:?}: decode the original file"
            )));
        }
        let data_type = match field.data_type() {
            DataType::Float64 if csv => DataType::Utf8,
            other => other.clone(),
        };
        fields.push(Arc::new(Field::new(name, data_type, true)));
    }
    Ok(Arc::new(Schema::new(fields)))
}

/// Where decoded batches go.
enum Sink {
    Parquet(ArrowWriter<BufWriter<File>>),
    Csv(arrow_csv::Writer<Box<dyn Write>>),
}

/// Decodes every batch and writes it with the decoded columns appended.
fn decode_batches(
    args: &FileArgs<'_>,
    schema: &Schema,
    batches: impl Iterator<Item = io::Result<RecordBatch>>,
    to_parquet: bool,
) -> io::Result<Status> {
    // The columns are found and the first batch's usage types checked before any output.
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let found = columns::find(&names, &args.columns)?;
    let mut batches = batches.peekable();
    if let Some(Ok(first)) = batches.peek() {
        check_column(
            first.column(found.usage_type.0),
            &found.usage_type.1,
            args.columns.force,
        )?;
    }
    let out_schema = output_schema(schema, !to_parquet)?;
    let mut sink = match (to_parquet, args.output) {
        (true, Some(path)) => {
            let properties = WriterProperties::builder()
                .set_compression(Compression::ZSTD(ZstdLevel::default()))
                .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
                .build();
            Sink::Parquet(
                ArrowWriter::try_new(create(path)?, out_schema.clone(), Some(properties))
                    .map_err(other)?,
            )
        }
        (_, path) => {
            let out: Box<dyn Write> = match path {
                Some(path) => Box::new(create(path)?),
                None => Box::new(BufWriter::new(io::stdout().lock())),
            };
            Sink::Csv(arrow_csv::WriterBuilder::new().with_header(true).build(out))
        }
    };
    let mut problems = Problems::new("row");
    let mut first_row = 1u64;
    for batch in batches {
        let batch = batch?;
        let decoded = crate::usage::parquet_copy::decode_batch(&batch, &args.columns, &found)?;
        report_errors(&decoded, None, first_row, &mut |row, message| {
            problems.report(row, message);
        });
        first_row += batch.num_rows() as u64;
        let mut columns: Vec<ArrayRef> = batch.columns().to_vec();
        columns.extend(decoded.columns().iter().skip(1).cloned());
        if let Sink::Csv(_) = sink {
            // The decoded doubles as the CSV path writes them (Rust's `16`, not `16.0`).
            for column in &mut columns[batch.num_columns()..] {
                if let Some(doubles) = column.as_primitive_opt::<Float64Type>() {
                    let text: StringArray =
                        doubles.iter().map(|v| v.map(|v| v.to_string())).collect();
                    *column = Arc::new(text);
                }
            }
        }
        let out = RecordBatch::try_new(out_schema.clone(), columns).map_err(other)?;
        match &mut sink {
            Sink::Parquet(writer) => writer.write(&out).map_err(other)?,
            Sink::Csv(writer) => writer.write(&out).map_err(other)?,
        }
    }
    match sink {
        Sink::Parquet(writer) => {
            writer.close().map_err(other)?;
        }
        Sink::Csv(writer) => writer.into_inner().flush()?,
    }
    problems.summarize();
    Ok(if problems.any() {
        Status::Error
    } else {
        Status::Success
    })
}

/// Reports the rows whose usage type did not decode (rows counted from 1). Row `r` of the
/// batch is row `keys[r]` of `decoded` where keys are given (a dictionary's), else row `r`.
pub fn report_errors(
    decoded: &StructArray,
    keys: Option<&[u32]>,
    first_row: u64,
    report: &mut dyn FnMut(u64, &str),
) {
    let (Some(errors), Some(texts)) = (
        decoded.column_by_name("error"),
        decoded.column_by_name("usage_type"),
    ) else {
        return;
    };
    if errors.null_count() == errors.len() {
        return;
    }
    let (errors, texts) = (errors.as_string::<i32>(), texts.as_string::<i32>());
    let rows = keys.map_or(decoded.len(), <[u32]>::len);
    for row in 0..rows {
        let at = keys.map_or(row, |keys| keys[row] as usize);
        if !errors.is_null(at) {
            let message = format!("{:?}: {}", texts.value(at), errors.value(at));
            report(first_row + row as u64, &message);
        }
    }
}

/// A CSV read as batches of string columns, named by its header, each record kept to the
/// header's width (short records padded with nulls, long ones cut, both reported).
struct CsvBatches<'a> {
    reader: csv::Reader<Box<dyn io::BufRead + 'a>>,
    schema: SchemaRef,
    record: csv::ByteRecord,
    problems: Problems,
    done: bool,
}

impl<'a> CsvBatches<'a> {
    fn new(input: Box<dyn io::BufRead + 'a>) -> io::Result<Self> {
        let mut reader = csv_stream::records(input);
        let mut header = csv::ByteRecord::new();
        if !reader.read_byte_record(&mut header).map_err(other)? {
            return Err(other("empty CSV: no header line"));
        }
        let fields: Vec<Field> = csv_stream::header_fields(&header)
            .map(|name| Field::new(String::from_utf8_lossy(name), DataType::Utf8, true))
            .collect();
        Ok(CsvBatches {
            reader,
            schema: Arc::new(Schema::new(fields)),
            record: csv::ByteRecord::new(),
            problems: Problems::new("line"),
            done: false,
        })
    }

    fn next(&mut self) -> Option<io::Result<RecordBatch>> {
        if self.done {
            return None;
        }
        let width = self.schema.fields().len();
        let mut builders: Vec<StringBuilder> = (0..width).map(|_| StringBuilder::new()).collect();
        let mut rows = 0;
        while rows < BATCH_ROWS {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    break;
                }
                Err(e) => return Some(Err(other(e))),
            }
            let line = self.record.position().map_or(0, csv::Position::line);
            if self.record.len() != width {
                self.problems.report(
                    line,
                    &format!("{} fields, the header has {width}", self.record.len()),
                );
            }
            for (i, builder) in builders.iter_mut().enumerate() {
                match self.record.get(i) {
                    None => builder.append_null(),
                    Some(field) => match std::str::from_utf8(field) {
                        Ok(text) => builder.append_value(text),
                        Err(e) => {
                            self.problems
                                .report(line, &format!("not UTF-8 at byte {}", e.valid_up_to()));
                            builder.append_null();
                        }
                    },
                }
            }
            rows += 1;
        }
        if rows == 0 {
            self.problems.summarize();
            return None;
        }
        let columns: Vec<ArrayRef> = builders
            .into_iter()
            .map(|mut b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        Some(RecordBatch::try_new(self.schema.clone(), columns).map_err(other))
    }
}
