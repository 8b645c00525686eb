//! `ec2type usage` on a CSV written as CSV: a whole CUR or FOCUS CSV (gzip too), written
//! back record by record with the decoded columns appended, in constant memory.
//!
//! The `csv` crate reads and writes it (RFC 4180: quoted commas, quotes and newlines, a
//! BOM before the header), so every record keeps its shape: the header's width, then the
//! decoded columns. Nothing is written before the columns are found and the first
//! records' usage types checked.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufWriter, Write};

use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type::usage::{BillLine, LineCosts, Value};

use crate::Status;
use crate::lines::quoted;
use crate::usage::columns::{self, Columns};

/// The decoded columns: every field of the library's [`BillLine`] but the usage type
/// itself (the input has it), each written `ec2type_` + its name.
pub fn fields() -> impl Iterator<Item = &'static str> {
    BillLine::FIELDS.iter().skip(1).map(|field| field.name)
}

/// How many row problems are reported one by one before the summary.
const SHOWN_PROBLEMS: usize = 20;

/// The size of stdin when it is a regular file (`< cur.csv`), for the progress bar.
pub fn stdin_file_size() -> Option<u64> {
    // `/dev/stdin` is the file itself when stdin was redirected from one.
    let metadata = std::fs::metadata("/dev/stdin").ok()?;
    metadata.is_file().then_some(metadata.len())
}

/// A progress bar over `size` bytes of input, when stderr is a terminal and the input a
/// file of known size; nothing otherwise (a pipe, a redirected stderr, CI).
pub fn progress(size: Option<u64>) -> Option<indicatif::ProgressBar> {
    bar(
        size?,
        "{bar:30} {bytes}/{total_bytes} {bytes_per_sec}, {eta} left",
    )
}

/// A progress bar over `rows` rows (Parquet input), when stderr is a terminal.
pub fn progress_rows(rows: u64) -> Option<indicatif::ProgressBar> {
    bar(
        rows,
        "{bar:30} {human_pos}/{human_len} rows, {elapsed} elapsed, {eta} left",
    )
}

/// A bar of `len` steps drawn with `template`, when stderr is a terminal.
fn bar(len: u64, template: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal as _;
    if !io::stderr().is_terminal() {
        return None;
    }
    let style = indicatif::ProgressStyle::with_template(template).ok()?;
    Some(indicatif::ProgressBar::new(len).with_style(style))
}

/// Row problems: the first [`SHOWN_PROBLEMS`] on stderr as they come, then a count.
#[derive(Default)]
pub struct Problems {
    count: usize,
    first_line: u64,
    last_line: u64,
    /// The progress bar, hidden while a message is printed.
    bar: Option<indicatif::ProgressBar>,
    /// What a position counts: `line` (CSV) or `row` (Parquet).
    unit: &'static str,
}

impl Problems {
    /// Problems counted in `unit`s (`"line"`, `"row"`).
    pub fn new(unit: &'static str) -> Self {
        Problems {
            unit,
            ..Problems::default()
        }
    }

    /// The same, hiding `bar` while a problem is printed.
    pub fn with_bar(self, bar: Option<indicatif::ProgressBar>) -> Self {
        Problems { bar, ..self }
    }

    /// Whether any problem was reported.
    pub fn any(&self) -> bool {
        self.count > 0
    }

    pub fn report(&mut self, line: u64, message: &str) {
        if self.count < SHOWN_PROBLEMS {
            let unit = self.unit;
            let print = || eprintln!("ec2type: {unit} {line}: {message}");
            match &self.bar {
                Some(bar) => bar.suspend(print),
                None => print(),
            }
        }
        if self.count == 0 {
            self.first_line = line;
        }
        self.count += 1;
        self.last_line = line;
    }

    pub fn summarize(&self) {
        if self.count > SHOWN_PROBLEMS {
            eprintln!(
                "ec2type: {} rows with problems ({}s {} to {}); the first {SHOWN_PROBLEMS} are above",
                self.count, self.unit, self.first_line, self.last_line
            );
        }
    }
}

/// The UTF-8 byte order mark some tools write before the header.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// A reader of every record as written: the header is a record like the others, and
/// any width is read (the caller checks shapes against the header).
pub fn records<R: io::Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input)
}

/// The header's fields, the first without a BOM.
pub fn header_fields(header: &csv::ByteRecord) -> impl Iterator<Item = &[u8]> {
    header.iter().enumerate().map(|(i, field)| match i {
        0 => field.strip_prefix(BOM).unwrap_or(field),
        _ => field,
    })
}

/// Streams the CSV of `input` (already decompressed) to `output` with the decoded columns
/// appended; `bar` counts the bytes read.
pub fn decode_csv<'a>(
    columns: &Columns<'a>,
    input: Box<dyn BufRead + '_>,
    output: impl Write,
    bar: Option<indicatif::ProgressBar>,
) -> io::Result<Status> {
    let mut reader = records(input);
    let mut record = csv::ByteRecord::new();
    if !reader
        .read_byte_record(&mut record)
        .map_err(io::Error::other)?
    {
        return Err(io::Error::other("empty CSV: no header line"));
    }
    let header = record.clone();
    let names: Vec<String> = header_fields(&header)
        .map(|field| String::from_utf8_lossy(field).into_owned())
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let found = columns::find(&names, columns)?;
    let at = found.usage_type.0;
    let product_at = found.product.as_ref().map(|(i, _)| *i);
    let operation_at = found.operation.as_ref().map(|(i, _)| *i);
    let mut ahead = read_ahead(&mut reader, &found, columns.force)?;
    let width = header.len();
    let mut out = Fields::new(output);
    for field in header_fields(&header) {
        out.field(field)?;
    }
    for name in fields() {
        out.field(format!("ec2type_{name}").as_bytes())?;
    }
    out.end_record()?;
    let mut problems = Problems::new("line").with_bar(bar.clone());
    let mut lines = Lines::default();
    // The cells of what was paid: after the usage type's (the first field, not a cell).
    let paid_at = BillLine::FIELDS
        .iter()
        .position(|f| f.name == "line_item_type")
        .map_or(0, |i| i - 1);
    loop {
        let read = match ahead.pop_front() {
            Some(Ok(next)) => {
                record = next;
                Ok(true)
            }
            Some(Err(err)) => Err(err),
            None => reader.read_byte_record(&mut record),
        };
        match read {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                // A record the reader cannot read (bytes it cannot place): report, stop.
                let line = err.position().map_or(0, csv::Position::line);
                problems.report(line, &err.to_string());
                break;
            }
        }
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != width {
            let what = if record.len() < width {
                "padded with empty fields"
            } else {
                "the fields after the header's width dropped"
            };
            problems.report(
                line,
                &format!("{} fields, the header has {width}: {what}", record.len()),
            );
        }
        out.fields_of(&record, width)?;
        let text = record.get(at).unwrap_or_default();
        let beside = |at: Option<usize>, fixed: Option<&'a str>| match at {
            Some(i) => record
                .get(i)
                .and_then(|p| std::str::from_utf8(p).ok())
                .filter(|p| !p.is_empty()),
            None => fixed,
        };
        let product = beside(product_at, columns.fixed_product);
        let operation = beside(operation_at, columns.fixed_operation);
        let cells = lines.decode(columns.catalogue, text, product, operation);
        if let Some(error) = &cells.report {
            problems.report(line, error);
        }
        let paid = found.costs.any().then(|| {
            let costs = found
                .costs
                .of(|i| record.get(i).and_then(|c| std::str::from_utf8(c).ok()));
            PaidCells::of(paid_at, &costs, cells.paid_rule)
        });
        out.cells(cells, paid.as_ref())?;
        out.end_record()?;
    }
    out.flush()?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    problems.summarize();
    Ok(if problems.count > 0 {
        Status::Error
    } else {
        Status::Success
    })
}

/// Records read ahead of a check, and maybe the read error that stopped them.
type Ahead = std::collections::VecDeque<Result<csv::ByteRecord, csv::Error>>;

/// Reads the first records ahead until [`columns::SAMPLED_VALUES`] non-empty usage types
/// (or the end), and refuses the column if they do not look like usage types: before
/// anything is written.
fn read_ahead<R: io::Read>(
    reader: &mut csv::Reader<R>,
    found: &columns::Found,
    force: bool,
) -> io::Result<Ahead> {
    let at = found.usage_type.0;
    let mut ahead = Ahead::new();
    let mut values = 0;
    while values < columns::SAMPLED_VALUES {
        let mut next = csv::ByteRecord::new();
        match reader.read_byte_record(&mut next) {
            Ok(false) => break,
            Ok(true) => {
                values += usize::from(next.get(at).is_some_and(|v| !v.is_empty()));
                ahead.push_back(Ok(next));
            }
            Err(err) => {
                ahead.push_back(Err(err));
                break;
            }
        }
    }
    columns::check_values(
        &found.usage_type.1,
        ahead
            .iter()
            .filter_map(|r| r.as_ref().ok()?.get(at))
            .filter_map(|v| std::str::from_utf8(v).ok()),
        force,
    )?;
    Ok(ahead)
}

/// Records written as RFC 4180 fields: quoted only when a field holds a comma, a quote or
/// a line break (the `csv` crate's writer does the same through a state machine that
/// cost a fifth of the whole run here: callgrind, `usage --csv-column` over 50 MB).
struct Fields<W: Write> {
    out: BufWriter<W>,
    first: bool,
}

impl<W: Write> Fields<W> {
    fn new(out: W) -> Self {
        Self {
            out: BufWriter::with_capacity(1 << 16, out),
            first: true,
        }
    }

    /// Writes every field of `record`, up to `width` of them and padded to it.
    fn fields_of(&mut self, record: &csv::ByteRecord, width: usize) -> io::Result<()> {
        if !needs_quotes(record.as_slice()) {
            // The common case: no field needs quoting, so none is checked alone.
            for i in 0..width {
                if !std::mem::replace(&mut self.first, false) {
                    self.out.write_all(b",")?;
                }
                self.out.write_all(record.get(i).unwrap_or_default())?;
            }
            return Ok(());
        }
        for i in 0..width {
            self.field(record.get(i).unwrap_or_default())?;
        }
        Ok(())
    }

    /// Writes the decoded cells, checked for quoting all at once; `paid`, where given,
    /// in place of the cells of what was paid (from `paid_at` on).
    fn cells(&mut self, cells: &Cells, paid: Option<&PaidCells>) -> io::Result<()> {
        let plain = !needs_quotes(cells.text.as_bytes());
        for (i, cell) in cells.iter().enumerate() {
            let cell = match paid {
                Some(paid) if (paid.at..paid.at + 3).contains(&i) => {
                    let own = paid.cells[i - paid.at].as_str();
                    self.field(own.as_bytes())?;
                    continue;
                }
                _ => cell,
            };
            if plain {
                self.out.write_all(b",")?;
                self.out.write_all(cell.as_bytes())?;
            } else {
                self.field(cell.as_bytes())?;
            }
        }
        Ok(())
    }

    fn field(&mut self, field: &[u8]) -> io::Result<()> {
        if !std::mem::replace(&mut self.first, false) {
            self.out.write_all(b",")?;
        }
        if !needs_quotes(field) {
            return self.out.write_all(field);
        }
        self.out.write_all(b"\"")?;
        for (i, part) in field.split(|b| *b == b'"').enumerate() {
            if i > 0 {
                self.out.write_all(b"\"\"")?;
            }
            self.out.write_all(part)?;
        }
        self.out.write_all(b"\"")
    }

    fn end_record(&mut self) -> io::Result<()> {
        self.first = true;
        self.out.write_all(b"\n")
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The cells of what one record paid: its line item type, coverage and effective rate,
/// which go in place of the decoded line's (null) ones from cell `at`.
struct PaidCells {
    at: usize,
    cells: [String; 3],
}

impl PaidCells {
    /// The cells of `costs` for a line of `paid_rule` (the values `with_costs` gives).
    fn of(at: usize, costs: &LineCosts<'_>, paid_rule: Option<bool>) -> Self {
        let paid = paid_rule.map(|spot| costs.paid(spot)).unwrap_or_default();
        Self {
            at,
            cells: [
                costs.line_item_type.unwrap_or_default().to_owned(),
                paid.coverage
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
                paid.effective_usd_per_hour
                    .map_or(Value::Null, Value::Float64)
                    .to_string(),
            ],
        }
    }
}

/// Whether bytes hold a comma, a quote or a line break (a field with one is quoted).
fn needs_quotes(bytes: &[u8]) -> bool {
    memchr::memchr3(b',', b'"', b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some()
}

/// The decoded cells of one line: the CSV text of every field but the usage type, and
/// what to report of a line that did not decode.
#[derive(Default)]
struct Cells {
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
    /// The message on stderr of a usage type that did not decode.
    report: Option<String>,
    /// [`BillLine::paid_rule`]: whether a record's costs say what an hour cost.
    paid_rule: Option<bool>,
}

impl Cells {
    fn of(line: &BillLine<'_>) -> Self {
        let mut cells = Cells {
            paid_rule: line.paid_rule(),
            ..Cells::default()
        };
        for value in line.values().iter().skip(1) {
            let _ = write!(cells.text, "{value}");
            cells.ends.push(cells.text.len());
        }
        cells
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| self.text.get(start..end).unwrap_or_default())
    }
}

/// The most distinct lines kept decoded; past it the cache starts again (bills repeat a
/// few thousand usage types over millions of lines: memory stays bounded either way).
pub const CACHED_LINES: usize = 1 << 16;

/// Decoded lines by their usage type, product and operation: each distinct line is
/// decoded once, and found again with one hash.
#[derive(Default)]
struct Lines {
    /// Where each line's cells are in `cells`.
    at: std::collections::HashMap<Vec<u8>, usize>,
    cells: Vec<Cells>,
    key: Vec<u8>,
}

impl Lines {
    /// The cells of a line (decoded, or as decoded before).
    fn decode(
        &mut self,
        catalogue: &Catalogue,
        text: &[u8],
        product: Option<&str>,
        operation: Option<&str>,
    ) -> &Cells {
        self.key.clear();
        for part in [
            Some(text),
            product.map(str::as_bytes),
            operation.map(str::as_bytes),
        ] {
            // A part's length, then its bytes: no two lines share a key.
            let part = part.unwrap_or_default();
            self.key
                .extend_from_slice(&(part.len() as u32).to_le_bytes());
            self.key.extend_from_slice(part);
        }
        if let Some(&at) = self.at.get(&self.key) {
            return &self.cells[at];
        }
        if self.cells.len() >= CACHED_LINES {
            self.at.clear();
            self.cells.clear();
        }
        self.at.insert(self.key.clone(), self.cells.len());
        self.cells.push(decode(catalogue, text, product, operation));
        &self.cells[self.cells.len() - 1]
    }
}

/// Decodes one line into its cells.
fn decode(
    catalogue: &Catalogue,
    text: &[u8],
    product: Option<&str>,
    operation: Option<&str>,
) -> Cells {
    if text.is_empty() {
        return Cells {
            text: String::new(),
            ends: vec![0; BillLine::FIELDS.len() - 1],
            report: None,
            paid_rule: None,
        };
    }
    match std::str::from_utf8(text) {
        Err(e) => {
            let cell = format!("not UTF-8 at byte {}", e.valid_up_to());
            let mut cells = Cells::of(&BillLine::failed("", cell.clone()));
            cells.report = Some(format!("usage type {cell}"));
            cells
        }
        Ok(text) => {
            let line = BillLine::decode(text, product, operation, catalogue);
            let mut cells = Cells::of(&line);
            if let Some(error) = line.error() {
                cells.report = Some(format!(
                    "{:?}: {}",
                    quoted(text),
                    BillLine::error_cell(error)
                ));
            }
            cells
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{BillLine, Catalogue, decode};

    fn cells(text: &str, product: Option<&str>) -> (Vec<String>, Option<String>) {
        let cells = decode(Catalogue::bundled(), text.as_bytes(), product, None);
        let list: Vec<String> = cells.iter().map(str::to_owned).collect();
        assert_eq!(list.len(), BillLine::FIELDS.len() - 1, "{text}");
        (list, cells.report)
    }

    #[test]
    fn cells_of_usage_types() {
        let (list, error) = cells("USW2-BoxUsage:m5.large", None);
        assert_eq!(error, None);
        assert_eq!(
            list.join(","),
            "USW2,us-west-2,false,false,,,,BoxUsage,m5.large,instance-hours,ec2,m5.large,m5.large,,m5,large,4,2,8192,Intel,,,,,,,,,,,,,"
        );
        let (list, _) = cells("XYZ9-SpotUsage:c5.large", None);
        assert_eq!(
            list.join(","),
            "XYZ9,,false,false,,,,SpotUsage,c5.large,spot,ec2,c5.large,c5.large,,c5,large,4,2,4096,Intel,,,,,,,,,,,,unknown billing code 'XYZ9',"
        );
        let (list, _) = cells("EU-DataTransfer-Out-Bytes", Some("AmazonCloudFront"));
        assert_eq!(
            list.join(","),
            ",,false,false,Europe and Israel,,,DataTransfer-Out-Bytes,,,,,,,,,,,,,,,,,,,,,,,,,"
        );
        let (list, error) = cells("BoxUsage:m5.huge", None);
        assert_eq!(
            error.as_deref(),
            Some(
                "\"BoxUsage:m5.huge\": invalid instance type 'm5.huge' in usage type: unknown size 'huge' (at byte 12)"
            )
        );
        assert_eq!(
            list.last().map(String::as_str),
            Some("invalid instance type 'm5.huge' in usage type: unknown size 'huge' (at byte 12)")
        );
        let (list, error) = cells("", None);
        assert_eq!((list.concat(), error), (String::new(), None));
    }

    /// Each record's line item type, coverage and effective rate as `usage` writes them.
    fn paid_cells(input: &str) -> Vec<(String, String, String)> {
        let columns = super::Columns {
            catalogue: Catalogue::bundled(),
            usage_type: None,
            product: None,
            fixed_product: None,
            operation: None,
            fixed_operation: None,
            force: false,
        };
        let mut out = Vec::new();
        super::decode_csv(&columns, Box::new(input.as_bytes()), &mut out, None).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header = reader.headers().unwrap().clone();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (coverage, rate, kind) = (
            at("ec2type_coverage"),
            at("ec2type_effective_usd_per_hour"),
            at("ec2type_line_item_type"),
        );
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (
                    r[kind].to_owned(),
                    r[coverage].to_owned(),
                    r[rate].to_owned(),
                )
            })
            .collect()
    }

    fn row(k: &str, c: &str, r: &str) -> (String, String, String) {
        (k.to_owned(), c.to_owned(), r.to_owned())
    }

    /// The four instance lines both fixtures share, by hand: 10 on-demand hours of
    /// m5.large for $0.96, 24 Reserved for $1.44, 10 Savings Plans hours of c5.large for
    /// $0.59 and 5 Spot for $0.19.
    fn usage_rows() -> Vec<(String, String, String)> {
        vec![
            row("Usage", "on-demand", "0.096"),
            row("DiscountedUsage", "reserved", "0.06"),
            row("SavingsPlanCoveredUsage", "savings-plan", "0.059"),
            row("Usage", "spot", "0.038"),
        ]
    }

    /// What each line of a CUR 2.0 report paid, beside its on-demand price: coverage and
    /// effective rate from its line item type and cost columns (checked by hand).
    #[test]
    fn what_lines_paid() {
        let input = include_str!("../../../../tests/fixtures/cur-costs.csv");
        let mut want = usage_rows();
        // A fee, a negation and a transfer: no coverage, no rate.
        want.extend([
            row("RIFee", "", ""),
            row("SavingsPlanNegation", "", ""),
            row("Usage", "", ""),
        ]);
        assert_eq!(paid_cells(input), want);
    }

    /// A FOCUS export's lines: the line item type their charge columns stand for, and
    /// what was paid from `EffectiveCost` over `ConsumedQuantity`.
    #[test]
    fn what_focus_lines_paid() {
        let input = include_str!("../../../../tests/fixtures/focus/focus-1.2-costs.csv");
        let mut want = usage_rows();
        // A purchase, a reservation's unused hours and a transfer.
        want.extend([row("", "", ""), row("", "", ""), row("Usage", "", "")]);
        assert_eq!(paid_cells(input), want);
    }
}
