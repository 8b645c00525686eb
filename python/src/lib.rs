//! `ec2_instance_type._ec2_instance_type`: the kernels of `ec2-instance-type-arrow` for
//! Python, over the Arrow C data interface (any object with `__arrow_c_array__` or
//! `__arrow_c_stream__`; tested with pyarrow, Polars, DuckDB, arro3 and nanoarrow). The
//! Python package around it (`python/ec2_instance_type/`) adds the engine helpers.

use arrow_array::{Array, ArrayRef, StructArray};
use arrow_schema::{ArrowError, Field, FieldRef};
use ec2_instance_type::Region;
use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type_arrow as kernels;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyArray;
use pyo3_arrow::{PyArray, PyArrayReader, PyChunkedArray};
use std::sync::Arc;

mod catalogue;

use catalogue::PyCatalogue;

/// A column as given: one array, or chunks (a stream).
enum Column {
    Array(ArrayRef),
    Chunked(Vec<ArrayRef>),
}

impl Column {
    /// The column of an object with `__arrow_c_array__` (one array) or
    /// `__arrow_c_stream__` (chunks). An object with both whose array export fails is read
    /// as a stream: a nanoarrow `Array` of several chunks refuses the one and takes the
    /// other.
    fn of(values: &Bound<'_, PyAny>) -> PyResult<Self> {
        let stream = match values.extract::<AnyArray>() {
            Ok(AnyArray::Array(array)) => return Ok(Column::Array(array.into_inner().0)),
            Ok(AnyArray::Stream(stream)) => stream,
            Err(error) => {
                if !values.hasattr(pyo3::intern!(values.py(), "__arrow_c_stream__"))? {
                    return Err(error);
                }
                values.extract::<PyArrayReader>().map_err(|_| error)?
            }
        };
        Ok(Column::Chunked(stream.into_chunked_array()?.into_inner().0))
    }

    fn chunks(&self) -> &[ArrayRef] {
        match self {
            Column::Array(array) => std::slice::from_ref(array),
            Column::Chunked(chunks) => chunks,
        }
    }

    /// The column as one array (chunks concatenated).
    fn concatenated(&self) -> PyResult<ArrayRef> {
        match self {
            Column::Array(array) => Ok(array.clone()),
            Column::Chunked(chunks) => {
                let refs: Vec<&dyn Array> = chunks.iter().map(AsRef::as_ref).collect();
                match refs.as_slice() {
                    [] => Err(PyValueError::new_err(
                        "an empty stream has no type to decode",
                    )),
                    _ => arrow_select::concat::concat(&refs).map_err(arrow_error),
                }
            }
        }
    }
}

// By value: both are `map_err` functions.
#[allow(clippy::needless_pass_by_value)]
fn arrow_error(error: ArrowError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

#[allow(clippy::needless_pass_by_value)]
fn kernel_error(error: kernels::Error) -> PyErr {
    PyTypeError::new_err(error.to_string())
}

/// Returns decoded chunks as the caller gave them: an array for an array, a chunked
/// array for chunks.
fn returned(
    py: Python<'_>,
    chunked: bool,
    chunks: Vec<StructArray>,
    fields: arrow_schema::Fields,
) -> PyResult<Py<PyAny>> {
    let field: FieldRef = Arc::new(Field::new(
        "decoded",
        arrow_schema::DataType::Struct(fields),
        true,
    ));
    let chunks: Vec<ArrayRef> = chunks
        .into_iter()
        .map(|c| Arc::new(c) as ArrayRef)
        .collect();
    if chunked {
        let chunked = PyChunkedArray::try_new(chunks, field)?;
        return Ok(chunked.into_pyarrow(py)?.unbind());
    }
    let array = chunks
        .into_iter()
        .next()
        .ok_or_else(|| PyValueError::new_err("no array"))?;
    Ok(PyArray::new(array, field).to_pyarrow(py)?.unbind())
}

/// Runs `decode` over `values` chunk by chunk with the same chunk of each column beside it
/// where their chunks line up, else over the whole columns (concatenated) at once.
fn by_chunks(
    values: &Column,
    beside: &[Option<Column>],
    decode: impl Fn(&dyn Array, &[Option<&dyn Array>]) -> PyResult<StructArray>,
) -> PyResult<Vec<StructArray>> {
    let aligned = beside.iter().flatten().all(|column| {
        column.chunks().len() == values.chunks().len()
            && column
                .chunks()
                .iter()
                .zip(values.chunks())
                .all(|(c, v)| c.len() == v.len())
    });
    if aligned {
        return values
            .chunks()
            .iter()
            .enumerate()
            .map(|(i, chunk)| {
                let row: Vec<Option<&dyn Array>> = beside
                    .iter()
                    .map(|c| c.as_ref().map(|c| c.chunks()[i].as_ref()))
                    .collect();
                decode(chunk.as_ref(), &row)
            })
            .collect();
    }
    let whole = values.concatenated()?;
    let beside: Vec<Option<ArrayRef>> = beside
        .iter()
        .map(|c| c.as_ref().map(Column::concatenated).transpose())
        .collect::<PyResult<_>>()?;
    let row: Vec<Option<&dyn Array>> = beside.iter().map(|c| c.as_deref()).collect();
    Ok(vec![decode(whole.as_ref(), &row)?])
}

/// The catalogue asked for, or the bundled one.
fn catalogue_of(catalogue: Option<&PyCatalogue>) -> &Catalogue {
    match catalogue {
        Some(c) => &c.0,
        None => Catalogue::bundled(),
    }
}

/// Decodes bill lines (usage types, with each row's product code and operation where
/// given) into a struct array of the library's `BillLine` fields, from `catalogue` (the
/// bundled one when `None`); with a report's cost columns, what each row paid too.
#[pyfunction]
#[pyo3(signature = (
    values, product_codes=None, operations=None, catalogue=None, *, line_item_types=None,
    usage_amounts=None, unblended_costs=None, reservation_effective_costs=None,
    savings_plan_effective_costs=None
))]
#[allow(clippy::too_many_arguments)]
fn decode_usage_type(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    product_codes: Option<&Bound<'_, PyAny>>,
    operations: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&PyCatalogue>,
    line_item_types: Option<&Bound<'_, PyAny>>,
    usage_amounts: Option<&Bound<'_, PyAny>>,
    unblended_costs: Option<&Bound<'_, PyAny>>,
    reservation_effective_costs: Option<&Bound<'_, PyAny>>,
    savings_plan_effective_costs: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let values = Column::of(values)?;
    let chunked = matches!(values, Column::Chunked(_));
    let beside = [
        product_codes,
        operations,
        line_item_types,
        usage_amounts,
        unblended_costs,
        reservation_effective_costs,
        savings_plan_effective_costs,
    ]
    .map(|column| column.map(Column::of).transpose());
    let beside: Vec<Option<Column>> = beside.into_iter().collect::<PyResult<_>>()?;
    let with_costs = beside[2..].iter().any(Option::is_some);
    let catalogue = catalogue_of(catalogue);
    let decoded = py.detach(|| {
        by_chunks(&values, &beside, |values, beside| {
            if with_costs {
                let costs = kernels::BillCosts {
                    line_item_types: beside[2],
                    usage_amounts: beside[3],
                    unblended_costs: beside[4],
                    reservation_effective_costs: beside[5],
                    savings_plan_effective_costs: beside[6],
                };
                kernels::decode_bill_lines_with_costs(
                    values, beside[0], beside[1], &costs, catalogue,
                )
            } else {
                kernels::decode_bill_lines(values, beside[0], beside[1], catalogue)
            }
            .map_err(kernel_error)
        })
    })?;
    returned(py, chunked, decoded, kernels::usage_type_fields())
}

/// The Cost and Usage Report line item type each row of a FOCUS export stands for
/// (`Usage`, `DiscountedUsage`, `SavingsPlanCoveredUsage`, or null), from its
/// `ChargeCategory`, `PricingCategory`, `CommitmentDiscountStatus`, `CommitmentDiscountId`
/// and `CommitmentDiscountType` columns: give it to `decode_usage_type` as
/// `line_item_types`, with `ConsumedQuantity` as `usage_amounts` and `EffectiveCost` as
/// every cost column.
#[pyfunction]
#[pyo3(signature = (
    charge_categories, pricing_categories, commitment_discount_statuses=None,
    commitment_discount_ids=None, commitment_discount_types=None
))]
fn focus_line_item_types(
    py: Python<'_>,
    charge_categories: &Bound<'_, PyAny>,
    pricing_categories: &Bound<'_, PyAny>,
    commitment_discount_statuses: Option<&Bound<'_, PyAny>>,
    commitment_discount_ids: Option<&Bound<'_, PyAny>>,
    commitment_discount_types: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let columns = [
        Some(charge_categories),
        Some(pricing_categories),
        commitment_discount_statuses,
        commitment_discount_ids,
        commitment_discount_types,
    ]
    .map(|column| {
        column
            .map(|c| Column::of(c).and_then(|c| c.concatenated()))
            .transpose()
    });
    let columns: Vec<Option<ArrayRef>> = columns.into_iter().collect::<PyResult<_>>()?;
    let array = |i: usize| columns[i].as_deref();
    let types = kernels::focus_line_item_types(&kernels::FocusCharges {
        charge_categories: array(0),
        pricing_categories: array(1),
        commitment_discount_statuses: array(2),
        commitment_discount_ids: array(3),
        commitment_discount_types: array(4),
    })
    .map_err(kernel_error)?;
    let field: FieldRef = Arc::new(Field::new(
        "line_item_type",
        arrow_schema::DataType::Utf8,
        true,
    ));
    Ok(PyArray::new(Arc::new(types), field)
        .to_pyarrow(py)?
        .unbind())
}

/// The fields of a decoded bill line, as `(name, type, doc)`: the library's one
/// definition, from which the docs of `decode_usage_type` are written.
#[pyfunction]
fn usage_type_fields() -> Vec<(&'static str, String, &'static str)> {
    kernels::usage_type_fields()
        .iter()
        .zip(ec2_instance_type::usage::BillLine::FIELDS)
        .map(|(arrow, field)| (field.name, arrow.data_type().to_string(), field.doc))
        .collect()
}

/// Decodes instance type names into a struct array, with the on-demand Linux prices of
/// `region` (a region code, or a column of one per row), from `catalogue` (the bundled
/// one when `None`).
#[pyfunction]
#[pyo3(signature = (values, region=None, catalogue=None))]
fn decode_instance_type(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    region: Option<&Bound<'_, PyAny>>,
    catalogue: Option<&PyCatalogue>,
) -> PyResult<Py<PyAny>> {
    let (fixed, regions) = match region {
        None => (Region::us_east_1(), None),
        Some(region) => match region.extract::<String>() {
            Ok(code) => (
                Region::parse_known(&code).map_err(|e| PyValueError::new_err(e.to_string()))?,
                None,
            ),
            Err(_) => (Region::us_east_1(), Some(Column::of(region)?)),
        },
    };
    let catalogue = catalogue_of(catalogue);
    let values = Column::of(values)?;
    let chunked = matches!(values, Column::Chunked(_));
    let beside = [regions];
    let decoded = py.detach(|| {
        by_chunks(&values, &beside, |values, beside| {
            match beside[0] {
                Some(regions) => {
                    kernels::decode_instance_type_in_regions(values, regions, catalogue)
                }
                None => kernels::decode_instance_type(values, catalogue, &fixed),
            }
            .map_err(kernel_error)
        })
    })?;
    returned(py, chunked, decoded, kernels::instance_type_fields())
}

/// The date of the bundled snapshot of each source, as `{"specs": ..., "prices": ...}`.
#[pyfunction]
fn snapshot_dates() -> Vec<(&'static str, &'static str)> {
    vec![
        ("specs", ec2_instance_type::catalogue::SPECS_SNAPSHOT),
        ("prices", ec2_instance_type::catalogue::PRICES_SNAPSHOT),
    ]
}

#[pymodule]
fn _ec2_instance_type(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(decode_usage_type, module)?)?;
    module.add_function(wrap_pyfunction!(decode_instance_type, module)?)?;
    module.add_function(wrap_pyfunction!(usage_type_fields, module)?)?;
    module.add_function(wrap_pyfunction!(focus_line_item_types, module)?)?;
    module.add_function(wrap_pyfunction!(snapshot_dates, module)?)?;
    module.add_class::<PyCatalogue>()?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
