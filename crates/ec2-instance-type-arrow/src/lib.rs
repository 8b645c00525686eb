//! Arrow kernels for [`ec2_instance_type`]: decode a column of AWS usage types
//! (`line_item_usage_type` of a Cost and Usage Report) or of instance type names
//! (`product_instance_type`) into a struct column, one field per fact.
//!
//! The kernels accept Utf8, LargeUtf8 and Utf8View arrays and dictionaries of them (with
//! any integer key; a dictionary's values are decoded once each). A null gives a null row;
//! text that does not decode gives a row whose `error` field says why, at which byte.
//! Facts come from the [`Catalogue`] passed in: the bundled one
//! ([`Catalogue::bundled`]) or one built from the user's own data.
//!
//! ```
//! use std::sync::Arc;
//! use arrow_array::{Array, StringArray, cast::AsArray};
//! use ec2_instance_type::catalogue::Catalogue;
//! use ec2_instance_type_arrow::decode_usage_type;
//!
//! let usage = StringArray::from(vec![Some("USW2-BoxUsage:m5.large"), None, Some("EBS:VolumeUsage.gp3")]);
//! let decoded = decode_usage_type(&usage, Catalogue::bundled())?;
//! let region = decoded.column_by_name("region").unwrap().as_string::<i32>();
//! let vcpus = decoded.column_by_name("vcpus").unwrap();
//! assert_eq!(region.value(0), "us-west-2");
//! assert!(decoded.is_null(1));
//! assert_eq!(region.value(2), "us-east-1");
//! assert!(vcpus.is_null(2));
//! # Ok::<(), ec2_instance_type_arrow::Error>(())
//! ```

mod focus;
mod instance;
mod paid;
mod rows;
mod strings;
mod usage;

use arrow_array::types::UInt32Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, StructArray};
use arrow_schema::DataType;
use ec2_instance_type::Region;
use ec2_instance_type::catalogue::Catalogue;

pub use focus::{FocusCharges, focus_line_item_types};
pub use instance::instance_type_fields;
pub use paid::{BillCosts, PAID_FIELDS};
pub use usage::usage_type_fields;

use instance::InstanceColumns;
use rows::{Beside, decode_rows};
use strings::Strings;
use usage::UsageColumns;

/// Why a column could not be decoded at all. (A value that does not decode is a row with
/// an `error` field, not an `Error`.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The column holds something other than strings.
    #[error(
        "{argument}: expected strings (Utf8, LargeUtf8, Utf8View, a dictionary of them, or Null), found {found}"
    )]
    UnsupportedType {
        /// Which argument: `values` or `product_codes`.
        argument: &'static str,
        /// The Arrow type found, as Arrow writes it.
        found: String,
    },
    /// The column has more rows than a kernel indexes (2^32).
    #[error("more than 4,294,967,295 rows in one array: split it into chunks")]
    TooLong,
    /// A column given beside the values (product codes, operations, regions) has another
    /// number of rows.
    #[error("{rows} {argument} for {values} values: give one per row")]
    LengthMismatch {
        /// Which column: `product codes`, `operations` or `regions`.
        argument: &'static str,
        /// Rows of the values decoded.
        values: usize,
        /// Rows of the column beside them.
        rows: usize,
    },
}

impl Error {
    fn unsupported(argument: &'static str, found: &DataType) -> Self {
        Error::UnsupportedType {
            argument,
            found: found.to_string(),
        }
    }
}

/// Decodes a column of usage types (`USW2-BoxUsage:m5.large`) into a struct column with
/// the fields of [`usage_type_fields`].
///
/// # Errors
///
/// [`Error::UnsupportedType`] when `values` is not a string column.
pub fn decode_usage_type(values: &dyn Array, catalogue: &Catalogue) -> Result<StructArray, Error> {
    decode_bill_lines(values, None, None, catalogue)
}

/// Decodes usage types with the product code of each row (`line_item_product_code`:
/// `AmazonEC2`, `AmazonCloudFront`), which tells an edge-location prefix (`EU-` of
/// CloudFront) from a region's billing code (`EU-` of EC2). A null or empty product code
/// decodes that row as [`decode_usage_type`] does.
///
/// # Errors
///
/// As [`decode_bill_lines`].
pub fn decode_usage_type_for_products(
    values: &dyn Array,
    product_codes: &dyn Array,
    catalogue: &Catalogue,
) -> Result<StructArray, Error> {
    decode_bill_lines(values, Some(product_codes), None, catalogue)
}

/// Decodes bill lines: usage types with the product code and the operation of each row
/// where given (`line_item_product_code`, `line_item_operation`: `RunInstances:0002`),
/// into a struct column with the fields of [`usage_type_fields`]. The operation gives the
/// line's OS, licence and software, and so the price of its instance (null where the
/// catalogue has none for that region, OS and tenancy). A null or empty product code or
/// operation decodes that row without it.
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray};
/// use ec2_instance_type::catalogue::Catalogue;
/// use ec2_instance_type_arrow::decode_bill_lines;
///
/// let usage = StringArray::from(vec!["BoxUsage:m5.large", "BoxUsage:m5.large"]);
/// let operations = StringArray::from(vec![Some("RunInstances:0002"), None]);
/// let lines = decode_bill_lines(&usage, None, Some(&operations), Catalogue::bundled())?;
/// let os = lines.column_by_name("os").unwrap().as_string::<i32>();
/// let price_os = lines.column_by_name("price_os").unwrap().as_string::<i32>();
/// assert_eq!(os.value(0), "Windows");
/// assert!(price_os.is_null(0)); // the bundled prices are Linux's only
/// assert_eq!(price_os.value(1), "Linux");
/// # Ok::<(), ec2_instance_type_arrow::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::UnsupportedType`] when a column is not a string column;
/// [`Error::LengthMismatch`] when their lengths differ.
pub fn decode_bill_lines(
    values: &dyn Array,
    product_codes: Option<&dyn Array>,
    operations: Option<&dyn Array>,
    catalogue: &Catalogue,
) -> Result<StructArray, Error> {
    let values = Strings::of(values, "values")?;
    let beside = beside(product_codes, operations)?;
    Ok(decode_rows(UsageColumns::new(catalogue, values.len()), &values, &beside)?.gather())
}

/// Decodes bill lines as [`decode_bill_lines`] does, with what each row paid from the
/// report's cost columns ([`BillCosts`]): its `line_item_type` as given, and for an EC2
/// instance line of a priced kind its `coverage` (`on-demand`, `reserved`,
/// `savings-plan`, `spot`) and `effective_usd_per_hour` (the coverage's cost over the
/// hours), so that what was paid sits beside the on-demand price.
///
/// ```
/// use arrow_array::{Array, Float64Array, StringArray, cast::AsArray, types::Float64Type};
/// use ec2_instance_type::catalogue::Catalogue;
/// use ec2_instance_type_arrow::{BillCosts, decode_bill_lines_with_costs};
///
/// let usage = StringArray::from(vec!["BoxUsage:m5.large", "BoxUsage:m5.large"]);
/// let types = StringArray::from(vec!["Usage", "DiscountedUsage"]);
/// let hours = Float64Array::from(vec![10.0, 24.0]);
/// let unblended = Float64Array::from(vec![Some(0.96), Some(0.0)]);
/// let reserved = Float64Array::from(vec![None, Some(1.44)]);
/// let costs = BillCosts {
///     line_item_types: Some(&types),
///     usage_amounts: Some(&hours),
///     unblended_costs: Some(&unblended),
///     reservation_effective_costs: Some(&reserved),
///     ..BillCosts::default()
/// };
/// let lines = decode_bill_lines_with_costs(&usage, None, None, &costs, Catalogue::bundled())?;
/// let coverage = lines.column_by_name("coverage").unwrap().as_string::<i32>();
/// let rate = lines.column_by_name("effective_usd_per_hour").unwrap().as_primitive::<Float64Type>();
/// assert_eq!((coverage.value(0), coverage.value(1)), ("on-demand", "reserved"));
/// assert_eq!(rate.value(1), 0.06);
/// # Ok::<(), ec2_instance_type_arrow::Error>(())
/// ```
///
/// # Errors
///
/// As [`decode_bill_lines`], for the cost columns too (an amount column may be numbers
/// or their text).
pub fn decode_bill_lines_with_costs(
    values: &dyn Array,
    product_codes: Option<&dyn Array>,
    operations: Option<&dyn Array>,
    costs: &BillCosts<'_>,
    catalogue: &Catalogue,
) -> Result<StructArray, Error> {
    let decoded = decode_bill_lines(values, product_codes, operations, catalogue)?;
    let paid = paid_columns(values, product_codes, operations, costs, catalogue)?;
    Ok(paid::with_paid(decoded, paid))
}

/// The three columns of what each row paid ([`PAID_FIELDS`], one row per value), as
/// [`decode_bill_lines_with_costs`] fills them: for writers that keep the decoded lines
/// as a dictionary ([`decode_usage_type_dictionary`]) and add these per row.
///
/// # Errors
///
/// As [`decode_bill_lines_with_costs`].
pub fn paid_columns(
    values: &dyn Array,
    product_codes: Option<&dyn Array>,
    operations: Option<&dyn Array>,
    costs: &BillCosts<'_>,
    catalogue: &Catalogue,
) -> Result<[ArrayRef; 3], Error> {
    let values = Strings::of(values, "values")?;
    let beside = beside(product_codes, operations)?;
    paid::paid_columns(&values, &beside, costs, catalogue)
}

/// The product codes and operations as string columns.
fn beside<'a>(
    product_codes: Option<&'a dyn Array>,
    operations: Option<&'a dyn Array>,
) -> Result<Beside<'a>, Error> {
    // The argument's name for a type error, its rows' for a length error.
    let named = |argument, rows, column: Option<&'a dyn Array>| {
        column
            .map(|c| Ok((rows, Strings::of(c, argument)?)))
            .transpose()
    };
    Ok(Beside([
        named("product_codes", "product codes", product_codes)?,
        named("operations", "operations", operations)?,
    ]))
}

/// Decodes bill lines as [`decode_bill_lines`] does, into a dictionary: the struct of each
/// distinct line's row, decoded once, and a key per row into it. The same rows, not yet
/// gathered: for writers that dictionary-encode (Parquet) and engines that keep
/// dictionaries.
///
/// ```
/// use arrow_array::{Array, StringArray, cast::AsArray};
/// use ec2_instance_type::catalogue::Catalogue;
/// use ec2_instance_type_arrow::decode_usage_type_dictionary;
///
/// let usage = StringArray::from(vec!["USW2-BoxUsage:m5.large", "EBS:VolumeUsage.gp3", "USW2-BoxUsage:m5.large"]);
/// let decoded = decode_usage_type_dictionary(&usage, None, None, Catalogue::bundled())?;
/// let rows = decoded.values().as_struct();
/// assert_eq!(rows.len(), 2);
/// assert_eq!(decoded.keys().values().to_vec(), [0, 1, 0]);
/// assert_eq!(rows.column_by_name("region").unwrap().as_string::<i32>().value(1), "us-east-1");
/// # Ok::<(), ec2_instance_type_arrow::Error>(())
/// ```
///
/// # Errors
///
/// As [`decode_bill_lines`].
pub fn decode_usage_type_dictionary(
    values: &dyn Array,
    product_codes: Option<&dyn Array>,
    operations: Option<&dyn Array>,
    catalogue: &Catalogue,
) -> Result<DictionaryArray<UInt32Type>, Error> {
    let values = Strings::of(values, "values")?;
    let beside = beside(product_codes, operations)?;
    Ok(
        decode_rows(UsageColumns::new(catalogue, values.len()), &values, &beside)?
            .into_dictionary(),
    )
}

/// Decodes a column of instance type names (`p3dn.24xlarge`, `db.r6g.large`) into a struct
/// column with the fields of [`instance_type_fields`]; prices are those of `region`.
///
/// ```
/// use arrow_array::{StringArray, cast::AsArray, types::Float64Type};
/// use ec2_instance_type::{Region, catalogue::Catalogue};
/// use ec2_instance_type_arrow::decode_instance_type;
///
/// let names = StringArray::from(vec!["m5.large", "m5.huge"]);
/// let decoded = decode_instance_type(&names, Catalogue::bundled(), &Region::us_east_1())?;
/// let price = decoded.column_by_name("on_demand_usd_per_hour").unwrap().as_primitive::<Float64Type>();
/// let error = decoded.column_by_name("error").unwrap().as_string::<i32>();
/// assert!(price.value(0) > 0.0);
/// assert!(error.value(1).contains("unknown size 'huge'"));
/// # Ok::<(), ec2_instance_type_arrow::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::UnsupportedType`] when `values` is not a string column.
pub fn decode_instance_type(
    values: &dyn Array,
    catalogue: &Catalogue,
    region: &Region,
) -> Result<StructArray, Error> {
    let values = Strings::of(values, "values")?;
    Ok(decode_rows(
        InstanceColumns::new(catalogue, *region, values.len()),
        &values,
        &Beside::default(),
    )?
    .gather())
}

/// Decodes instance type names as [`decode_instance_type`] does, with the region of each
/// row's prices from `regions` (`eu-west-1`; a null or empty one: us-east-1). A region that
/// is not one gives that row an `error`.
///
/// ```
/// use arrow_array::{Array, StringArray};
/// use ec2_instance_type::catalogue::Catalogue;
/// use ec2_instance_type_arrow::decode_instance_type_in_regions;
///
/// let names = StringArray::from(vec!["m5.large", "m5.large"]);
/// let regions = StringArray::from(vec!["us-east-1", "eu-west-1"]);
/// let decoded = decode_instance_type_in_regions(&names, &regions, Catalogue::bundled())?;
/// let price = decoded.column_by_name("on_demand_usd_per_hour").unwrap();
/// assert!(price.is_valid(0));
/// assert!(price.is_null(1)); // the bundled prices are us-east-1's: none, not another region's
/// # Ok::<(), ec2_instance_type_arrow::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::UnsupportedType`] when either column is not a string column;
/// [`Error::LengthMismatch`] when their lengths differ.
pub fn decode_instance_type_in_regions(
    values: &dyn Array,
    regions: &dyn Array,
    catalogue: &Catalogue,
) -> Result<StructArray, Error> {
    let values = Strings::of(values, "values")?;
    let beside = Beside([Some(("regions", Strings::of(regions, "regions")?)), None]);
    Ok(decode_rows(
        InstanceColumns::new(catalogue, Region::us_east_1(), values.len()),
        &values,
        &beside,
    )?
    .gather())
}
