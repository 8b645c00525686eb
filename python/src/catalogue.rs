//! `Catalogue`: the bundled snapshot, or an owned catalogue with the user's own AWS CLI
//! output and prices over it (or over nothing), for `decode_instance_type`.

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Catalogue, DataError, Scope, Tenancy};
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A catalogue of instance types. Immutable: each `with_*` returns a new one, and the one
/// it was made from is unchanged.
#[pyclass(name = "Catalogue", module = "ec2_instance_type", frozen)]
pub struct PyCatalogue(pub Catalogue);

/// A data error as Python's `ValueError`: the file, the line and column, and why.
fn data_error(error: &DataError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

impl PyCatalogue {
    /// A copy of this catalogue with `apply` applied, built with the GIL released.
    fn with(
        &self,
        py: Python<'_>,
        apply: impl FnOnce(&mut Catalogue) -> Result<(), DataError> + Send,
    ) -> PyResult<Self> {
        py.detach(|| {
            let mut catalogue = self.0.clone();
            apply(&mut catalogue).map(|()| Self(catalogue))
        })
        .map_err(|e| data_error(&e))
    }
}

#[pymethods]
impl PyCatalogue {
    /// The snapshot compiled into the package.
    #[staticmethod]
    fn bundled() -> Self {
        Self(Catalogue::bundled().clone())
    }

    /// A catalogue with no types, to fill with your own data only.
    #[staticmethod]
    fn empty() -> Self {
        Self(Catalogue::empty())
    }

    /// This catalogue with the specs of `aws ec2 describe-instance-types` JSON (`text`);
    /// `source` names it (a file name) in every fact it gives and in errors.
    fn with_describe_instance_types(
        &self,
        py: Python<'_>,
        text: &str,
        source: &str,
    ) -> PyResult<Self> {
        self.with(py, |c| {
            c.apply_describe_instance_types(text.as_bytes(), source)
                .map(drop)
        })
    }

    /// This catalogue with the offerings of `aws ec2 describe-instance-type-offerings`
    /// JSON: each region it names gets its list replaced (`--location-type region`), or
    /// added to (`availability-zone`).
    fn with_offerings(&self, py: Python<'_>, text: &str, source: &str) -> PyResult<Self> {
        self.with(py, |c| c.apply_offerings(text.as_bytes(), source).map(drop))
    }

    /// This catalogue with on-demand prices from CSV
    /// (`region,instance_type,usd_per_hour[,tenancy][,os]`).
    fn with_prices_csv(&self, py: Python<'_>, text: &str, source: &str) -> PyResult<Self> {
        self.with(py, |c| {
            c.apply_prices_csv(text.as_bytes(), source).map(drop)
        })
    }

    /// This catalogue with a file of any format `ec2type --data` reads, recognised by its
    /// content: describe-instance-types or offerings JSON, an AWS Price List offer file
    /// (CSV or JSON, streamed), pricing get-products JSON, or a price CSV.
    fn with_file(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        self.with(py, move |c| c.apply_file(path).map(drop))
    }

    /// Every commitment rate the catalogue has for `instance_type` in `region`, `os`
    /// (Linux when `None`) and `tenancy` (shared when `None`): Reserved terms and Savings
    /// Plans rates from AWS's files given to `with_file` (the bundled catalogue has none).
    /// Each a dict with the keys of `ec2type show --json`'s `commitments`: `commitment`
    /// (`sp-compute-3yr-no-upfront`), `kind`, `term_years`, `payment`,
    /// `effective_usd_per_hour`, `hourly_usd`, `upfront_usd`, `saving_percent` (against
    /// the on-demand price of the same region, OS and tenancy; `None` without it) and
    /// `source`.
    #[pyo3(signature = (instance_type, region, os = None, tenancy = None))]
    fn commitment_rates<'py>(
        &self,
        py: Python<'py>,
        instance_type: &str,
        region: &str,
        os: Option<&str>,
        tenancy: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let entry = self.0.get(instance_type).ok_or_else(|| {
            PyKeyError::new_err(format!(
                "no instance type {instance_type:?} in the catalogue"
            ))
        })?;
        let region = Region::parse(region).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let mut scope = Scope::from(region);
        if let Some(os) = os {
            scope = scope.os(os);
        }
        if let Some(tenancy) = tenancy {
            let tenancy: Tenancy = tenancy
                .parse()
                .map_err(|e: ec2_instance_type::ParseError| PyValueError::new_err(e.to_string()))?;
            scope = scope.tenancy(tenancy);
        }
        let at = entry.at(scope);
        let on_demand = at.price().map(|p| p.usd_per_hour);
        at.commitment_rates()
            .iter()
            .map(|rate| {
                let row = PyDict::new(py);
                row.set_item("commitment", rate.commitment.as_str())?;
                row.set_item("kind", rate.commitment.kind.as_str())?;
                row.set_item("term_years", rate.commitment.term_years)?;
                row.set_item("payment", rate.commitment.payment.as_str())?;
                row.set_item("effective_usd_per_hour", rate.effective_usd_per_hour())?;
                row.set_item("hourly_usd", rate.hourly_usd)?;
                row.set_item("upfront_usd", rate.upfront_usd)?;
                row.set_item(
                    "saving_percent",
                    on_demand.and_then(|od| rate.saving_percent(od)),
                )?;
                row.set_item("source", rate.source)?;
                Ok(row)
            })
            .collect()
    }

    /// How many types the catalogue knows.
    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// Whether the catalogue knows `name` (an EC2 name, or a service name's EC2 type).
    fn __contains__(&self, name: &str) -> bool {
        self.0.get(name).is_some()
    }

    fn __repr__(&self) -> String {
        format!("<Catalogue of {} instance types>", self.0.len())
    }
}
