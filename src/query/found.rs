//! `Found`: what an answer found, and what it had to leave out.

use std::ops::Deref;

use crate::Region;

/// The results of an answer in their order, and how many candidates it left out because
/// the catalogue does not know whether the region asked for offers them. Read it as a
/// slice.
///
/// ```
/// use ec2_instance_type::Region;
/// use ec2_instance_type::catalogue::Catalogue;
/// use ec2_instance_type::query::Query;
///
/// let found = Query::new().min_vcpus(8).scope(Region::parse("eu-west-1")?).run(Catalogue::bundled());
/// assert!(!found.is_empty());
/// assert!(found.iter().all(|e| e.specs().unwrap().vcpus >= 8));
/// println!("{} left out: offerings unknown", found.unknown_offerings());
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    items: Vec<T>,
    unknown_offerings: usize,
    prices_region: Region,
}

impl<T> Found<T> {
    pub(crate) fn new(items: Vec<T>, unknown_offerings: usize, prices_region: Region) -> Self {
        Self {
            items,
            unknown_offerings,
            prices_region,
        }
    }

    /// The region whose prices ranked the results and gave their price differences: the
    /// region asked for where the catalogue has its prices, else us-east-1 (the bundled
    /// prices), in which case no price difference is given (never one of another region
    /// presented as this one's).
    ///
    /// ```
    /// use ec2_instance_type::{Region, catalogue};
    /// use ec2_instance_type::query::{Prefer, alternatives};
    ///
    /// let m5 = catalogue::get("m5.xlarge").unwrap();
    /// let found = alternatives(m5, Prefer::Cheapest, Region::parse("eu-west-1")?);
    /// assert_eq!(found.prices_region().as_str(), "us-east-1");
    /// assert!(found.iter().all(|a| a.price_difference.is_none()));
    /// # Ok::<(), ec2_instance_type::ParseError>(())
    /// ```
    #[must_use]
    pub fn prices_region(&self) -> Region {
        self.prices_region
    }

    /// How many candidates were left out because the catalogue has no offering data for
    /// them in the region asked for (0 without a region).
    #[must_use]
    pub fn unknown_offerings(&self) -> usize {
        self.unknown_offerings
    }

    /// The results.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<T> Deref for Found<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T> IntoIterator for Found<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Found<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
