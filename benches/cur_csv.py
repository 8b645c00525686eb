#!/usr/bin/env python3
"""Writes a synthetic CUR-like CSV for the whole-file throughput figure of
`ec2type usage --csv-column line_item_usage_type`: 20 columns of realistic widths, the usage
type column drawn from every catalogue name under instance kinds and billing codes, plus
non-instance usage types. Usage: benches/cur_csv.py ROWS > cur.csv"""
import csv
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
names = [line.split(",", 1)[0] for line in open("data/instance-types.csv")][1:]
codes = ["", "USE2-", "USW2-", "EU-", "APN1-", "APS3-", "EUC1-"]
kinds = ["BoxUsage", "SpotUsage", "HeavyUsage", "DedicatedUsage", "UnusedBox"]
other = ["EBS:VolumeUsage.gp3", "USE2-AWS-In-Bytes", "USW2-DataTransfer-Out-Bytes", "Requests-Tier1"]
random.seed(7)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["identity_line_item_id", "identity_time_interval", "bill_payer_account_id",
              "line_item_usage_account_id", "line_item_line_item_type", "line_item_usage_start_date",
              "line_item_usage_end_date", "line_item_product_code", "line_item_usage_type",
              "line_item_operation", "line_item_availability_zone", "line_item_resource_id",
              "line_item_usage_amount", "line_item_unblended_rate", "line_item_unblended_cost",
              "line_item_line_item_description", "product_instance_type", "product_region_code",
              "pricing_unit", "resource_tags_user_team"])
for i in range(rows):
    if i % 5 == 4:
        usage = random.choice(other)
    else:
        usage = random.choice(codes) + random.choice(kinds) + ":" + random.choice(names)
    out.writerow([f"{i:016x}abcdef", "2026-11-01T00:00:00Z/2026-11-02T00:00:00Z", "123456789012",
                  "210987654321", "Usage", "2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z",
                  "AmazonEC2", usage, "RunInstances", "us-west-2a", f"i-{i:017x}", "1.0000000000",
                  "0.0960000000", "0.0960000000", "$0.096 per On Demand Linux m5.large Instance Hour",
                  "m5.large", "us-west-2", "Hrs", "platform"])
