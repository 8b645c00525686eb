//! The JSON of `aws ec2 describe-instance-type-offerings`: with `--location-type region`
//! each region's list replaced; with `availability-zone`, added to.

use std::borrow::Cow;
use std::io::Read;

use super::json::for_each_record;
use super::rebuild::{NO_OFFERINGS, Parts, build};
use super::report::{Applied, DataFormat, RegionChange};
use crate::Region;
use crate::catalogue::Regions;
use crate::catalogue::data_error::{DataError, DataErrorKind, read_limited};
use crate::catalogue::store::Catalogue;

/// The offerings of a file: each (type, region), and whether the file lists
/// availability zones (a zone's list is not its region's).
struct Offerings {
    pairs: Vec<(String, Region)>,
    zones: bool,
}

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// Applies the JSON of `aws ec2 describe-instance-type-offerings`. With
    /// `--location-type region` it replaces the offering list of each region it names and
    /// keeps the others. With `--location-type availability-zone` it adds what it lists
    /// to each zone's region and takes nothing away: a zone's list is not its region's
    /// ([`RegionChange::replaced`] is `false`). A type the catalogue lacks is added
    /// (without specs). An empty list changes nothing: the report names no regions.
    /// `source` names the data (a file name) in [`Catalogue::regions_source`].
    ///
    /// # Errors
    ///
    /// Input over 256 MiB, text that is not JSON, a document of another shape, an
    /// offering without `InstanceType` or `Location`, `LocationType`
    /// `availability-zone-id` (ask for `--location-type region`) or another unknown one,
    /// regions and zones in one file, a location that is not a known region, a name that
    /// does not parse.
    pub fn apply_offerings(
        &mut self,
        input: impl Read,
        source: &str,
    ) -> Result<Applied, DataError> {
        read_limited(input)
            .and_then(|json| self.offerings(&json, source))
            .map_err(|e| e.in_source(source))
    }

    pub(super) fn offerings(&mut self, json: &str, source: &str) -> Result<Applied, DataError> {
        let Offerings { pairs, zones } = read_offerings(json)?;
        let format = if zones {
            DataFormat::ZoneOfferings
        } else {
            DataFormat::RegionOfferings
        };
        let mut report = Applied::new(format, pairs.len());
        let mut named = Regions::default();
        for (_, region) in &pairs {
            if let Some(bit) = region.index() {
                named.0 |= 1 << bit;
            }
        }
        if named.is_empty() {
            return Ok(report);
        }
        let before: Vec<(Region, Option<usize>)> = Region::known()
            .filter(|r| named.contains(*r))
            .map(|r| (r, self.covered.contains(r).then(|| self.offered_count(r))))
            .collect();
        let mut parts = Parts::of(self);
        if !zones {
            for part in &mut parts.list {
                if let Some(regions) = &mut part.regions {
                    regions.0 &= !named.0;
                }
            }
        }
        for (name, region) in &pairs {
            let part = parts.get(name);
            let regions = part.regions.get_or_insert_with(Regions::default);
            if let Some(bit) = region.index() {
                regions.0 |= 1 << bit;
            }
        }
        for part in &mut parts.list {
            if part.regions.is_some_and(|r| r.is_empty()) {
                part.regions = None;
            }
        }
        let codes: Vec<&str> = before.iter().map(|(r, _)| r.as_str()).collect();
        let mut base = self.with_texts(self.texts.clone());
        // A zone's list says what is offered, never what is not: a region it names is
        // covered only if it was before.
        if !zones {
            base.covered = Regions(self.covered.0 | named.0);
        }
        let verb = if zones { "zones added" } else { "from" };
        let here = format!("{} {verb} {source}", codes.join(" "));
        base.regions_source = Cow::Owned(if self.regions_source == NO_OFFERINGS {
            here
        } else {
            format!("{}; {here}", self.regions_source)
        });
        let built = build(parts.list, base)?;
        report.regions = before
            .into_iter()
            .map(|(region, before)| RegionChange {
                region,
                before,
                after: built.offered_count(region),
                replaced: !zones,
            })
            .collect();
        *self = built;
        Ok(report)
    }
}

/// The (type, region) pairs of `describe-instance-type-offerings` JSON.
fn read_offerings(json: &str) -> Result<Offerings, DataError> {
    let mut pairs: Vec<(String, Region)> = Vec::new();
    let mut kinds: [bool; 2] = [false; 2];
    for_each_record(
        json,
        "InstanceTypeOfferings",
        "offering",
        |offer, name, here| {
            let location = offer["Location"]
                .as_str()
                .ok_or_else(|| here(DataErrorKind::MissingField, "no \"Location\"".to_owned()))?;
            let region = match offer["LocationType"].as_str() {
                Some("region") => {
                    kinds[0] = true;
                    Region::parse(location).ok()
                }
                Some("availability-zone") => {
                    kinds[1] = true;
                    zone_region(location)
                }
                Some("availability-zone-id") => {
                    return Err(here(
                        DataErrorKind::InvalidValue,
                        "LocationType availability-zone-id names zones by ID, which do not say their region: ask for --location-type region".to_owned(),
                    ));
                }
                Some(other) => {
                    return Err(here(
                        DataErrorKind::InvalidValue,
                        format!(
                            "unknown LocationType \"{other}\", expected \"region\" or \"availability-zone\""
                        ),
                    ));
                }
                None => {
                    return Err(here(
                        DataErrorKind::MissingField,
                        "no \"LocationType\", expected \"region\" or \"availability-zone\""
                            .to_owned(),
                    ));
                }
            };
            if kinds == [true, true] {
                return Err(here(
                    DataErrorKind::UnexpectedShape,
                    "regions and availability zones in one file: apply them as two files"
                        .to_owned(),
                ));
            }
            let region = region.filter(Region::is_known).ok_or_else(|| {
                here(
                    DataErrorKind::UnknownRegion,
                    format!("\"{location}\" is not in a known region"),
                )
            })?;
            pairs.push((name.to_owned(), region));
            Ok(())
        },
    )?;
    Ok(Offerings {
        pairs,
        zones: kinds[1],
    })
}

/// The region of an availability zone (`us-east-1a`, `us-west-2-lax-1a`): the longest
/// known region code it starts with.
fn zone_region(zone: &str) -> Option<Region> {
    Region::known()
        .filter(|r| zone.starts_with(r.as_str()))
        .max_by_key(|r| r.as_str().len())
}
