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

/// Decodes usage types into a struct array (see the package docs for the fields).
#[pyfunction]
#[pyo3(signature = (values, product_codes=None))]
fn decode_usage_type(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    product_codes: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let values = Column::of(values)?;
    let chunked = matches!(values, Column::Chunked(_));
    let products = product_codes.map(Column::of).transpose()?;
    let decoded = py.detach(|| -> PyResult<Vec<StructArray>> {
        let catalogue = Catalogue::bundled();
        let Some(products) = products else {
            return values
                .chunks()
                .iter()
                .map(|chunk| {
                    kernels::decode_usage_type(chunk.as_ref(), catalogue).map_err(kernel_error)
                })
                .collect();
        };
        let same_chunks = values.chunks().len() == products.chunks().len()
            && values
                .chunks()
                .iter()
                .zip(products.chunks())
                .all(|(v, p)| v.len() == p.len());
        if same_chunks {
            return values
                .chunks()
                .iter()
                .zip(products.chunks())
                .map(|(v, p)| {
                    kernels::decode_usage_type_for_products(v.as_ref(), p.as_ref(), catalogue)
                        .map_err(kernel_error)
                })
                .collect();
        }
        let (v, p) = (values.concatenated()?, products.concatenated()?);
        Ok(vec![
            kernels::decode_usage_type_for_products(v.as_ref(), p.as_ref(), catalogue)
                .map_err(kernel_error)?,
        ])
    })?;
    returned(py, chunked, decoded, kernels::usage_type_fields())
}

/// Decodes instance type names into a struct array, with the on-demand Linux prices of
/// `region`, from `catalogue` (the bundled one when `None`).
#[pyfunction]
#[pyo3(signature = (values, region="us-east-1", catalogue=None))]
fn decode_instance_type(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    region: &str,
    catalogue: Option<&PyCatalogue>,
) -> PyResult<Py<PyAny>> {
    let region = Region::parse_known(region).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let catalogue: &Catalogue = match catalogue {
        Some(c) => &c.0,
        None => Catalogue::bundled(),
    };
    let values = Column::of(values)?;
    let chunked = matches!(values, Column::Chunked(_));
    let decoded = py.detach(|| -> PyResult<Vec<StructArray>> {
        values
            .chunks()
            .iter()
            .map(|chunk| {
                kernels::decode_instance_type(chunk.as_ref(), catalogue, &region)
                    .map_err(kernel_error)
            })
            .collect()
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
    module.add_function(wrap_pyfunction!(snapshot_dates, module)?)?;
    module.add_class::<PyCatalogue>()?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
