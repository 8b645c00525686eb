//! The JSON of `aws ec2 describe-instance-types`: each record's specs over the entry of
//! its name.

use std::io::Read;

use super::json::for_each_record;
use super::rebuild::{Parts, build};
use super::report::{Applied, DataFormat};
use crate::catalogue::data_error::{DataError, DataErrorKind, read_limited};
use crate::catalogue::record;
use crate::catalogue::store::Catalogue;
use crate::catalogue::stored::Specs;

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// Applies the JSON that `aws ec2 describe-instance-types --output json` prints
    /// (`{"InstanceTypes": [...]}`; several pages one after another; or a JSON array of
    /// records): each record replaces the entry of its name's specs, or adds the name.
    /// [`Applied::records`] says how many records were read. `source` names the data (a
    /// file name) in [`Specs::source`](crate::catalogue::Specs::source).
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, text that is not JSON (with its line and column), a document
    /// of another shape, a record without `InstanceType`, a name that does not parse, a
    /// record without vCPUs or memory. Nothing is applied then.
    pub fn apply_describe_instance_types(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        read_limited(input)
            .and_then(|json| self.describe_instance_types(&json, source))
            .map_err(|e| e.in_source(source))
    }

    pub(super) fn describe_instance_types(
        &mut self,
        json: &str,
        source: &str,
    ) -> Result<Applied, DataError> {
        let mut texts = self.texts.clone();
        let mut records: Vec<(String, Specs)> = Vec::new();
        for_each_record(json, "InstanceTypes", "record", |record, name, here| {
            let specs = record::Record::from_json(record)
                .map_err(|e| (DataErrorKind::InvalidValue, e))
                .and_then(|record| record.spec_row())
                .and_then(|row| row.specs(&mut texts, source))
                .map_err(|(kind, e)| here(kind, format!("{name}: {e}")))?;
            records.push((name.to_owned(), specs));
            Ok(())
        })?;
        let count = records.len();
        let mut parts = Parts::of(self);
        for (name, specs) in records {
            parts.get(&name).specs = Some(specs);
        }
        *self = build(parts.list, self.with_texts(texts))?;
        Ok(Applied::new(DataFormat::DescribeInstanceTypes, count))
    }
}
