//! Loading: the embedded table split into records and name tables, once per process.

use super::*;
use crate::generated::{LINE_OFFSETS, TABLE};

impl Catalog {
    /// Builds a fresh catalog from the embedded table. [`catalog()`] does this once per process
    /// and keeps the result; call this only to measure it.
    ///
    /// ```
    /// let fresh = typed_iam_catalog::index::Catalog::load();
    /// assert_eq!(fresh.action_count(), typed_iam_catalog::index::catalog().action_count());
    /// ```
    pub fn load() -> Catalog {
        let mut catalog = Catalog {
            version: "",
            date: "",
            services: Vec::with_capacity(512),
            actions: Vec::with_capacity(24_000),
            resource_types: Vec::with_capacity(2_600),
            arn_formats: Vec::with_capacity(2_700),
            keys: Vec::with_capacity(2_800),
            global_keys: Span::default(),
            key_index: Vec::new(),
            templates: Vec::new(),
            oidc_keys: Vec::new(),
            retired: Vec::new(),
            retired_services: Vec::new(),
            services_by_full_name: Vec::new(),
            action_table: NameTable::default(),
            key_table: NameTable::default(),
            level_sets: (0u8..32)
                .map(|bits| {
                    AccessLevel::ALL
                        .into_iter()
                        .filter(|level| bits & level.bit() != 0)
                        .collect()
                })
                .collect(),
        };
        catalog.parse(TABLE, LINE_OFFSETS);
        catalog.index_keys();
        let mut order: Vec<u32> = (0..catalog.services.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let prefix = |i: u32| catalog.services.get(i as usize).map_or("", |s| s.prefix);
            compare_full(prefix(a), ":", prefix(b), ":")
        });
        catalog.services_by_full_name = order;
        catalog.index_actions();
        catalog
    }

    /// Fills the name tables of actions and condition keys.
    pub(super) fn index_actions(&mut self) {
        let services = &self.services;
        self.action_table = NameTable::new(
            self.actions.len(),
            self.actions.iter().enumerate().map(|(index, action)| {
                let prefix = services
                    .get(action.service as usize)
                    .map_or("", |service| service.prefix);
                (index as u32, [prefix, ":", action.name])
            }),
        );
        let keys = &self.keys;
        self.key_table = NameTable::new(
            self.key_index.len(),
            self.key_index.iter().map(|&index| {
                let name = keys.get(index as usize).map_or("", |key| key.name);
                (index, [name, "", ""])
            }),
        );
    }

    /// Splits the table into records. The generator guarantees the shape of every line; a line
    /// of unknown shape is skipped rather than trusted.
    pub(super) fn parse(&mut self, table: &'static str, offsets: &[u8]) {
        let mut global_start = None;
        let starts = offsets
            .chunks_exact(4)
            .map(|bytes| u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize);
        let ends = starts
            .clone()
            .skip(1)
            .chain(std::iter::once(table.len() + 1));
        // Each line runs from its offset to the next line's, less the line break.
        let lines = starts
            .zip(ends)
            .filter_map(|(start, next)| table.get(start..next.saturating_sub(1).max(start)));
        for line in lines {
            let service = self.services.len() as u32 - u32::from(!self.services.is_empty());
            // Actions are most of the table: split off the name only.
            if let Some(record) = line.strip_prefix("A\t") {
                let (name, rest) = split_at_byte(record, b'\t');
                self.actions.push(ActionRecord {
                    service,
                    name,
                    rest,
                });
                continue;
            }
            let mut fields = byte_fields(line, b'\t');
            let (Some(kind), Some(first)) = (fields.next(), fields.next()) else {
                continue;
            };
            match kind {
                "V" => {
                    self.version = first;
                    self.date = fields.next().unwrap_or_default();
                }
                "S" => {
                    let at = |len: usize| Span {
                        start: len as u32,
                        end: len as u32,
                    };
                    self.services.push(ServiceRecord {
                        prefix: first,
                        name: fields.next().unwrap_or(first),
                        actions: at(self.actions.len()),
                        resource_types: at(self.resource_types.len()),
                        keys: at(self.keys.len()),
                    });
                }
                "R" => {
                    let start = self.arn_formats.len() as u32;
                    self.arn_formats.extend(
                        fields
                            .next()
                            .unwrap_or_default()
                            .split(' ')
                            .filter(|f| !f.is_empty()),
                    );
                    self.resource_types.push(ResourceTypeRecord {
                        service,
                        name: first,
                        arn_formats: Span {
                            start,
                            end: self.arn_formats.len() as u32,
                        },
                        keys: fields.next().unwrap_or_default(),
                    });
                    if let Some(record) = self.services.last_mut() {
                        record.resource_types.end = self.resource_types.len() as u32;
                    }
                }
                "K" | "G" => {
                    let value_type = fields
                        .next()
                        .and_then(KeyType::from_aws_name)
                        .unwrap_or(KeyType::String);
                    let global = kind == "G";
                    if global {
                        // The category field of global keys is not exposed.
                        fields.next();
                        global_start.get_or_insert(self.keys.len() as u32);
                    }
                    self.keys.push(KeyRecord {
                        service: if global { NO_SERVICE } else { service },
                        name: first,
                        value_type,
                        description: fields.next().unwrap_or_default(),
                        global,
                    });
                    if !global {
                        if let Some(record) = self.services.last_mut() {
                            record.keys.end = self.keys.len() as u32;
                        }
                    }
                }
                "X" => self.retired.push(RetiredRecord {
                    full_name: first,
                    last_seen: fields.next().unwrap_or_default(),
                    snapshot: fields.next().unwrap_or_default(),
                    last_seen_date: fields.next().unwrap_or_default(),
                }),
                "Y" => self.retired_services.push(RetiredServiceRecord {
                    prefix: first,
                    name: fields.next().unwrap_or_default(),
                    last_seen: fields.next().unwrap_or_default(),
                    last_seen_date: fields.next().unwrap_or_default(),
                }),
                _ => {}
            }
        }
        // Each service's actions run up to the next service's first action.
        let mut end = self.actions.len() as u32;
        for record in self.services.iter_mut().rev() {
            record.actions.end = end;
            end = record.actions.start;
        }
        let start = global_start.unwrap_or(self.keys.len() as u32);
        self.global_keys = Span {
            start,
            end: self.keys.len() as u32,
        };
    }

    /// Builds the index of distinct key names: one record per name. A global key wins for
    /// `aws:` names; otherwise the key of the service whose prefix the key carries wins, then the
    /// global list, then the first service that lists it (`catalog:ChangeType` is listed by
    /// `aws-marketplace`).
    pub(super) fn index_keys(&mut self) {
        let globals = self.global_keys;
        // Mark the service keys that are also global keys.
        for index in 0..globals.start as usize {
            let name = self.keys.get(index).map_or("", |k| k.name);
            let is_global = self.keys[globals.range()]
                .binary_search_by(|g| compare_ignore_case(g.name, name))
                .is_ok();
            if let Some(record) = self.keys.get_mut(index) {
                record.global = is_global;
            }
        }
        let rank = |catalog: &Catalog, index: u32| -> (u8, u32) {
            let Some(record) = catalog.keys.get(index as usize) else {
                return (u8::MAX, index);
            };
            let prefix = record.name.split(':').next().unwrap_or_default();
            let own = catalog
                .services
                .get(record.service as usize)
                .is_some_and(|s| s.prefix.eq_ignore_ascii_case(prefix));
            let rank = match (
                record.service == NO_SERVICE,
                prefix.eq_ignore_ascii_case("aws"),
                own,
            ) {
                (true, true, _) => 0,
                (false, _, true) => 1,
                (true, false, _) => 2,
                (false, _, false) => 3,
            };
            (rank, index)
        };
        let ranks: Vec<(u8, u32)> = (0..self.keys.len() as u32).map(|i| rank(self, i)).collect();
        // Sorted on lowercase copies (byte order on ASCII-lowercase, as `compare_ignore_case`
        // orders): many keys share long starts, and lowering bytes in every comparison cost
        // more than the rest of the load.
        let lower: Vec<String> = self
            .keys
            .iter()
            .map(|key| key.name.to_ascii_lowercase())
            .collect();
        let mut all: Vec<u32> = (0..self.keys.len() as u32).collect();
        all.sort_unstable_by(|&a, &b| {
            let name = |i: u32| lower.get(i as usize).map_or("", String::as_str);
            name(a)
                .cmp(name(b))
                .then_with(|| ranks.get(a as usize).cmp(&ranks.get(b as usize)))
        });
        all.dedup_by(|later, earlier| {
            let name = |i: u32| self.keys.get(i as usize).map_or("", |k| k.name);
            name(*later).eq_ignore_ascii_case(name(*earlier))
        });
        self.templates = all
            .iter()
            .filter_map(|&i| {
                let name = self.keys.get(i as usize)?.name;
                // Up to the first placeholder, where `template_match` stops comparing chars.
                let start = (0..name.len())
                    .find(|&at| name.get(at..).and_then(placeholder_end).is_some())
                    .unwrap_or(name.len());
                is_template(name).then_some((i, name.get(..start)?))
            })
            .collect();
        self.key_index = all;
        let sts = self
            .services
            .iter()
            .position(|service| service.prefix == crate::oidc::CLAIMS_ACTION.0)
            .map_or(NO_SERVICE, |index| index as u32);
        self.oidc_keys = crate::oidc::CLAIMS
            .iter()
            .map(|claim| KeyRecord {
                service: sts,
                name: claim.name,
                value_type: claim.value_type,
                description: claim.description,
                global: false,
            })
            .collect();
    }
}
