package infer

// Stage is one step of inference, over the state the earlier ones built.
type Stage struct {
	ID          string
	Description string
	Run         func(*state) error
}

// Stages lists the inference stages in the order they run: the table of
// contents of inference. Each lives in the file named by its ID.
var Stages = []Stage{
	{"index_operations", "index the service's operations and resource shapes", indexOperations},
	{"infer_resources", "find resources: Smithy resource shapes first, then operation names", inferResources},
	{"select_resources", "apply include, exclude, kind names and operation overrides; choose what to resolve", selectResources},
	{"ignore_shapes", "leave out every member of a shape generator.yaml ignores", ignoreShapes},
	{"resolve_operations", "resolve operation inputs and find the resource description in outputs", resolveOperations},
	{"classify_fields", "split fields into spec, create-only, secret and status", classifyFields},
	{"add_create_variants", "add the operations that make the resource instead of the create while the spec sets a field of theirs", addCreateVariants},
	{"add_attributes", "make each attribute of a string map of settings a field, read by name and set as it changes", addAttributes},
	{"infer_identifiers", "tie identifiers to fields; find the primary key and the ARN", inferIdentifiers},
	{"add_lookups", "find assigned identifiers from spec fields where generator.yaml's lookup names an operation", addLookups},
	{"add_read_only_fields", "add status fields that other operations' outputs hold", addReadOnlyFields},
	{"add_subresources", "add spec fields that their own put, get and delete operations own", addSubResources},
	{"add_put_companions", "send other spec fields with a sub-resource's put where generator.yaml's with names them, making them updatable", addPutCompanions},
	{"add_attachments", "add single-valued spec fields that their own attach and detach operations set", addAttachments},
	{"add_links", "add lists of other resources' identifiers that their own associate and disassociate operations set", addLinks},
	{"add_moves", "make status lists of other resources that one call moves here, and back home, spec fields", addMoves},
	{"add_actions", "add boolean spec fields that call an operation in some states", addActions},
	{"add_toggles", "add boolean spec fields that one operation turns on and another off", addToggles},
	{"add_keep_empty", "add boolean fields that, when true, keep collections of related resources empty", addKeepEmpty},
	{"add_add_remove_sets", "add sets of strings that their own operation changes by the elements to add and remove", addAddRemoveSets},
	{"add_element_calls", "make lists of strings the create takes updatable where operations add and remove one element per call", addElementCalls},
	{"add_calls_per_entry", "add sets and maps whose entries their own operations attach, put, detach and delete one per call", addCallsPerEntry},
	{"add_parameter_maps", "add maps of settings set in batches of name-value structures, reset by name and listed", addParameterMaps},
	{"add_bytes_from", "let bytes members of spec structures come from ConfigMap or Secret keys where generator.yaml's bytesFrom names them", addBytesFrom},
	{"add_expected_values", "add the spec members generator.yaml's expectedValues names, stating what AWS should report in a status field", addExpectedValues},
	{"add_versions", "make documents AWS keeps in versions updatable: a change is a new default version", addVersions},
	{"infer_list_order", "decide which lists compare as sets and which in order", inferListOrder},
	{"apply_ignores", "drop the fields generator.yaml ignores", applyIgnores},
	{"apply_renames", "rename fields", applyRenames},
	{"apply_field_options", "apply the other field options of generator.yaml", applyFieldOptions},
	{"record_referenced_identifiers", "keep in status the spec identifiers references give, for a delete after the referenced object", recordReferencedIdentifiers},
	{"apply_as_list", "give single values as lists of one where generator.yaml says asList", applyAsList},
	{"apply_single", "give lists of strings as one string where generator.yaml says single", applySingle},
	{"apply_associations", "let list fields hold more elements through associate and disassociate operations", applyAssociations},
	{"add_region_fills", "find the create input members filled from the target region", addRegionFills},
	{"add_inputs", "record the input members generator.yaml sends with a constant", addInputs},
	{"infer_error_codes", "find the error codes that mean not found or already exists", inferErrorCodes},
	{"add_delete_flags", "tie boolean delete input members to annotations where generator.yaml's deleteFlags asks", addDeleteFlags},
	{"infer_absent_codes", "find the error codes of sub-resources' gets and deletes that mean the sub-resource is unset", inferAbsentCodes},
	{"infer_pending", "find the status values that mean AWS is still working", inferPending},
	{"add_pending_also", "add the further pending checks on other status fields that generator.yaml's pendingAlso names", addPendingAlso},
	{"infer_gone", "find the status values that mean a resource the read still returns is deleted", inferGone},
	{"add_one_update_per_pass", "send one sub-resource put per pass where generator.yaml's oneUpdatePerPass asks, waiting while AWS is pending", addOneUpdatePerPass},
	{"infer_gone_when_set", "take the status fields generator.yaml's goneWhenSet names as saying the resource is gone", inferGoneWhenSet},
	{"add_pending_values", "let spec fields compare with the values AWS has yet to apply where generator.yaml's pendingValues names them", addPendingValues},
	{"infer_tags", "find where the tags are", inferTags},
	{"infer_tag_specifications", "take tags given at create in tag specifications and changed by resource identifier (EC2)", inferTagSpecifications},
	{"place_nested_secrets", "leave @sensitive members out of structures only status uses; note those the spec holds", placeNestedSecrets},
	{"add_finders", "say how to find what a lost create made, for kinds whose identifier AWS assigns", addFinders},
	{"add_idempotent_create", "let a lost create of a kind whose create is idempotent by its input be settled by creating again", addIdempotentCreate},
	{"add_batch_reads", "read the resyncs of unchanged resources together where generator.yaml's batchRead asks", addBatchReads},
	{"classify_errors", "sort the errors of the kind's operations into terminal and recoverable", classifyErrors},
	{"mark_last_applied", "mark the spec fields the read does not always return, whose last applied value the runtime records", markLastApplied},
	{"check_names", "check that Go and JSON names are unique", checkNames},
	{"split_status_types", "give status its own structures, free of validation", splitStatusTypes},
	{"mark_api_structs", "mark the structures the API types use", markAPIStructs},
}
