//! Public types are thread-safe and have the traits a well-kept crate offers.

use ec2_instance_type::{
    AppleChip, Capability, ErrorKind, InstanceOption, InstanceType, NvidiaChip, ParseError,
    Processor, Series, Service, ServiceInstanceType, Size, UnknownPart,
};

fn send_sync<T: Send + Sync + 'static>() {}
fn error<T: std::error::Error + Clone + Eq + Send + Sync>() {}
fn ordered<T: Ord + Copy>() {}
fn value<T: Clone + Eq + std::hash::Hash + std::fmt::Debug + std::fmt::Display>() {}

#[test]
fn public_types_are_send_and_sync() {
    send_sync::<InstanceType>();
    send_sync::<ServiceInstanceType>();
    send_sync::<ParseError>();
    send_sync::<ErrorKind>();
    send_sync::<Series>();
    send_sync::<Capability>();
    send_sync::<InstanceOption>();
    send_sync::<NvidiaChip>();
    send_sync::<AppleChip>();
    send_sync::<Processor>();
    send_sync::<Service>();
    send_sync::<Size>();
    send_sync::<UnknownPart>();
    #[cfg(feature = "catalogue")]
    {
        use ec2_instance_type::catalogue::*;
        use ec2_instance_type::query::*;
        send_sync::<Entry>();
        send_sync::<Specs>();
        send_sync::<Regions>();
        send_sync::<SpotEstimate>();
        send_sync::<EntryAt>();
        send_sync::<Catalogue>();
        send_sync::<Found<Entry>>();
        send_sync::<Architecture>();
        send_sync::<Architectures>();
        send_sync::<Gpu>();
        send_sync::<Accelerator>();
        send_sync::<AcceleratorKind>();
        send_sync::<InstanceStorage>();
        send_sync::<DiskType>();
        send_sync::<Network>();
        send_sync::<Ebs>();
        send_sync::<OnDemandPrice>();
        send_sync::<SpotHint>();
        send_sync::<Interruption>();
        send_sync::<Query>();
        send_sync::<NamePart>();
        send_sync::<SortKey>();
        send_sync::<SimilarOptions>();
        send_sync::<Similar>();
        send_sync::<Alternative>();
        send_sync::<Upgrade>();
    }
}

#[test]
fn values_are_comparable_hashable_printable() {
    value::<InstanceType>();
    value::<ServiceInstanceType>();
    value::<Series>();
    value::<Capability>();
    value::<InstanceOption>();
    value::<Size>();
    value::<Processor>();
    value::<Service>();
    error::<ParseError>();
    ordered::<InstanceType>();
    ordered::<Size>();
}

/// Every parse returns this `Result`; a larger one made parse times bimodal between runs
/// (README, "Performance"). Keep it small.
#[test]
fn parse_result_stays_small() {
    assert!(std::mem::size_of::<Result<InstanceType, ParseError>>() <= 64);
}
