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
    send_sync::<ec2_instance_type::Region>();
    #[cfg(feature = "catalogue")]
    {
        use ec2_instance_type::usage::*;
        send_sync::<UsageType>();
        send_sync::<UsageTypeError>();
        send_sync::<UsageErrorKind>();
        send_sync::<UsageKind>();
        send_sync::<UsageWarning>();
        send_sync::<BillingService>();
        send_sync::<Charge>();
        send_sync::<Kind>();
        send_sync::<EdgeZone>();
        send_sync::<BillLine>();
        send_sync::<Field>();
        send_sync::<FieldType>();
        send_sync::<Value>();
        send_sync::<Operation>();
        send_sync::<Platform>();
    }
    #[cfg(feature = "overlay")]
    {
        use ec2_instance_type::catalogue::*;
        send_sync::<DataError>();
        send_sync::<DataErrorKind>();
        send_sync::<Applied>();
        send_sync::<DataFormat>();
        send_sync::<RegionChange>();
    }
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
        send_sync::<Scope>();
        send_sync::<Tenancy>();
        send_sync::<Prefer>();
        send_sync::<NamePartError>();
        send_sync::<NamePartErrorKind>();
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
