package infer

import (
	"strings"
	"testing"
)

// TestConfigErrors checks one generator.yaml mistake of each kind that
// needs the model to find: the message names the file and line, says
// what is wrong, and suggests the likely name.
func TestConfigErrors(t *testing.T) {
	cases := []struct {
		reason string
		yaml   string
		want   string
	}{
		{
			reason: "a resource the model does not have",
			yaml:   "resources:\n  Tabel: {}\n",
			want:   `generator.yaml:2: no resource Tabel in the fixture model (did you mean "Table"?); to declare one, name its create, read and delete operations under operations:`,
		},
		{
			reason: "a field the resource does not have",
			yaml:   "resources:\n  Table:\n    fields:\n      TabelName: {ignore: true}\n",
			want:   `generator.yaml:4: Table has no field "TabelName" in spec or status (did you mean "TableName"?)`,
		},
		{
			reason: "a nested member the structure does not have",
			yaml:   "resources:\n  Table:\n    fields:\n      KeySchema.AttrName: {rename: Attr}\n",
			want:   `generator.yaml:4: KeyElement has no member "AttrName" (did you mean "AttributeName"?)`,
		},
		{
			reason: "an operation the model does not have",
			yaml:   "resources:\n  Table:\n    operations:\n      read: DescribeTabel\n",
			want:   `generator.yaml:4: read operation "DescribeTabel" is not in the model (did you mean "DescribeTable"?)`,
		},
		{
			reason: "a shape the model does not have",
			yaml:   "shapes:\n  Nod: {ignore: true}\n",
			want:   `generator.yaml:2: no shape Nod in the fixture model (did you mean "Node"?)`,
		},
		{
			reason: "an observedAt path that leaves the read output",
			yaml:   "resources:\n  Table:\n    fields:\n      BillingMode:\n        observedAt: BillingModeSummary.BillingMod\n",
			want:   `generator.yaml:5: BillingModeSummary has no member "BillingMod" (did you mean "BillingMode"?)`,
		},
		{
			reason: "an include pattern that matches nothing",
			yaml:   "include: [Tabl]\n",
			want:   `generator.yaml:1: include pattern "Tabl" matches no resource of fixture (did you mean "Table"?)`,
		},
		{
			reason: "an exclude pattern that removes a configured resource",
			yaml:   "exclude: [\"T*\"]\nresources:\n  Table: {}\n",
			want:   `generator.yaml:1: exclude pattern "T*" matches Table, which resources: configures; remove one`,
		},
		{
			reason: "a resource inference found without a delete",
			yaml:   "resources:\n  Widget: {}\n",
			want:   `generator.yaml:2: Widget has no delete operation (candidates in the model: RemoveWidget; ranked: the identifier as only required input, then Verb<R> names, then shortest); name it under operations:`,
		},
		{
			reason: "two resources with one kind",
			yaml:   "resources:\n  Table:\n    kind: Topic\n  Topic: {}\n",
			want:   `generator.yaml:4: Table and Topic would both be kind Topic; give one another kind:`,
		},
		{
			reason: "a pending field that is not a status field",
			yaml:   "resources:\n  Table:\n    pending:\n      field: TableStatu\n      values: [CREATING]\n",
			want:   `generator.yaml:4: pending field "TableStatu" is not a status field of Table (did you mean "TableStatus"?)`,
		},
		{
			reason: "a pendingValues member the read output does not have",
			yaml:   "resources:\n  Table:\n    pendingValues: {member: TableStatu}\n",
			want:   `generator.yaml:3: pendingValues: DescribeTable's output has no member TableStatu (did you mean TableStatus?)`,
		},
		{
			reason: "a pendingValues member that is no structure",
			yaml:   "resources:\n  Table:\n    pendingValues: {member: TableStatus}\n",
			want:   `generator.yaml:3: pendingValues: DescribeTable.TableStatus is no structure`,
		},
		{
			reason: "a pending value the enum does not have",
			yaml:   "resources:\n  Table:\n    pending:\n      field: TableStatus\n      values: [CREATNG]\n",
			want:   `generator.yaml:5: TableStatus has no value "CREATNG" (did you mean "CREATING"?)`,
		},
		{
			reason: "ignoring a member the create requires",
			yaml:   "resources:\n  Table:\n    fields:\n      KeySchema: {ignore: true}\n",
			want:   `generator.yaml:4: Table cannot ignore KeySchema: CreateTable requires it`,
		},
		{
			reason: "making mutable a field no update takes",
			yaml:   "resources:\n  Table:\n    fields:\n      KeySchema: {immutable: false}\n",
			want:   `generator.yaml:4: KeySchema cannot change after create: no update operation of Table takes it`,
		},
		{
			reason: "late-initializing a field the read does not return",
			yaml:   "resources:\n  Table:\n    fields:\n      Tags:\n        lateInitialize: true\n",
			want:   `generator.yaml:5: Tags is not returned by DescribeTable, so there is no value of AWS's to copy`,
		},
		{
			reason: "a secret that is not a string",
			yaml:   "resources:\n  Table:\n    fields:\n      ReadCapacity:\n        secret: true\n",
			want:   `generator.yaml:5: ReadCapacity is not a string, so it cannot come from a Secret`,
		},
		{
			reason: "a reference to a kind the service does not have",
			yaml:   "resources:\n  Table:\n    fields:\n      KmsKeyId:\n        reference: {kind: Tabel}\n",
			want:   `generator.yaml:5: fixture has no kind Tabel to refer to (did you mean "Table"?)`,
		},
		{
			reason: "an option that applies to spec fields only, on a status field",
			yaml:   "resources:\n  Table:\n    fields:\n      TableStatus:\n        required: true\n",
			want:   `generator.yaml:5: TableStatus is a status field, which required does not apply to`,
		},
		{
			reason: "an option that applies to top-level fields only, on a nested one",
			yaml:   "resources:\n  Table:\n    fields:\n      KeySchema.KeyType:\n        primaryKey: true\n",
			want:   `generator.yaml:5: primaryKey applies to top-level fields only`,
		},
		{
			reason: "replace on a sub-resource the read does not return as a list of structures",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Versioning: {replace: GetBucketVersioning}\n",
			want:   `generator.yaml:4: sub-resource Versioning: replace and awsOwned apply to a collection read with the resource, whose read returns a list of structures`,
		},
		{
			reason: "a rename that makes two fields one",
			yaml:   "resources:\n  Table:\n    fields:\n      BillingMode:\n        rename: TableName\n",
			want:   `generator.yaml:5: Table: spec fields TableName and BillingMode would both be tableName; rename one`,
		},
		{
			reason: "a from: operation the model does not have",
			yaml:   "resources:\n  Bucket:\n    fields:\n      Region:\n        from: {operation: GetBucketLocaton, path: LocationConstraint}\n",
			want:   `generator.yaml:5: operation "GetBucketLocaton" is not in the model (did you mean "GetBucketLocation"?)`,
		},
		{
			reason: "a from: path the operation's output does not have",
			yaml:   "resources:\n  Bucket:\n    fields:\n      Region:\n        from: {operation: GetBucketLocation, path: Location}\n",
			want:   `generator.yaml:5: GetBucketLocationOutput has no member "Location" (did you mean "LocationConstraint"?)`,
		},
		{
			reason: "a from: field that already exists",
			yaml:   "resources:\n  Bucket:\n    fields:\n      Location:\n        from: {operation: GetBucketLocation, path: LocationConstraint}\n",
			want:   `generator.yaml:5: Bucket already has a status field Location; from adds a new one, so give it another name`,
		},
		{
			reason: "a sub-resource with no put operation",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Logging: {}\n",
			want:   `generator.yaml:4: sub-resource Logging: no put operation PutBucketLogging or PutBucketLoggingConfiguration; name it with put:`,
		},
		{
			reason: "a keyed collection whose list operation is not in the model",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Analytics:\n        list: ListBucketAnalytics\n",
			want:   `generator.yaml:5: list operation "ListBucketAnalytics" is not in the model (did you mean "ListBucketAnalyticsConfigurations"?)`,
		},
		{
			reason: "a keyed collection whose list returns no list of its entries",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Analytics:\n        list: GetBucketPolicy\n",
			want:   `generator.yaml:5: sub-resource Analytics: GetBucketPolicy returns no list of AnalyticsConfiguration`,
		},
		{
			reason: "a keyed collection whose key is not a member of its entries",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Analytics:\n        key: ID\n",
			want:   `generator.yaml:5: key ID is not a member of AnalyticsConfiguration (did you mean "Id"?)`,
		},
		{
			reason: "a keyed collection given a get operation",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Analytics:\n        get: GetBucketPolicy\n        key: Id\n",
			want:   `generator.yaml:5: sub-resource Analytics is a keyed collection, read whole by its list operation: name that with list:, not get:`,
		},
		{
			reason: "a keyed collection with no put operation of its name",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Reports:\n        list: ListBucketAnalyticsConfigurations\n",
			want:   `generator.yaml:4: sub-resource Reports: no put operation PutBucketReports or PutBucketReportsConfiguration or PutBucketReport; name it with put:`,
		},
		{
			reason: "a sub-resource whose value member cannot be told",
			yaml:   "resources:\n  Bucket:\n    subResources:\n      Versioning:\n        member: Versioning\n",
			want:   `generator.yaml:5: PutBucketVersioningInput has no member "Versioning" (did you mean "VersioningConfiguration"?)`,
		},
		{
			reason: "an error code that is probably a typo",
			yaml:   "resources:\n  Table:\n    notFoundCodes: [ResourceNotFoundExeption]\n",
			want:   `generator.yaml:3: error code "ResourceNotFoundExeption" is not in the model (did you mean "ResourceNotFoundException"?)`,
		},
		{
			reason: "a tags path that leads to no tags",
			yaml:   "resources:\n  Table:\n    tags: {path: KeySchema}\n",
			want:   `generator.yaml:3: KeySchema is not a map of strings or a list of Key and Value structures`,
		},
		{
			reason: "a findCreated operation the model does not have",
			yaml:   "resources:\n  Queue:\n    findCreated:\n      operation: ListQueus\n      match: [QueueName]\n",
			want:   `generator.yaml:4: operation "ListQueus" is not in the model (did you mean "ListQueues"?)`,
		},
		{
			reason: "a findCreated match that is not a spec field",
			yaml:   "resources:\n  Queue:\n    findCreated:\n      operation: ListQueues\n      match: [QueueNam]\n",
			want:   `generator.yaml:5: Queue has no spec field "QueueNam" (did you mean "QueueName"?)`,
		},
		{
			reason: "a findCreated match the listed elements do not have",
			yaml:   "resources:\n  Queue:\n    findCreated:\n      operation: ListQueues\n      match:\n        - QueueName\n        - DeadLetterTopicArn\n",
			want:   `generator.yaml:7: ListQueues lists QueueSummary, which has no member "DeadLetterTopicArn" to compare with`,
		},
		{
			reason: "a findCreated createdAfter the list input does not have",
			yaml:   "resources:\n  Queue:\n    findCreated:\n      operation: ListQueues\n      match: [QueueName]\n      createdAfter: CreatedAftr\n",
			want:   `generator.yaml:6: ListQueues has no input member "CreatedAftr" (did you mean "CreatedAfter"?)`,
		},
		{
			reason: "findCreated on a resource read by its spec, which reading finds",
			yaml:   "resources:\n  Table:\n    findCreated:\n      operation: ListTables\n      match: [TableName]\n",
			want:   `generator.yaml:3: Table is read by spec fields, so a lost create is found by reading it; findCreated is for resources whose identifier AWS assigns`,
		},
		{
			reason: "a generated resource whose identifier no field holds",
			yaml:   "resources:\n  Queue:\n    fields:\n      QueueUrl: {ignore: true}\n",
			want:   `generator.yaml:4: Queue cannot ignore QueueUrl: it identifies the resource`,
		},
	}
	for _, c := range cases {
		_, err := run(t, "names.json", c.yaml, Options{})
		if err == nil {
			t.Errorf("%s: no error, want %q", c.reason, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got: %v\nwant: %s", c.reason, err, c.want)
		}
		if strings.Contains(err.Error(), "panic") {
			t.Errorf("%s: inference panicked going on past the mistake: %v", c.reason, err)
		}
	}
}

// TestConfigErrorsAllAtOnce checks that one run reports the mistakes of
// every resource, whichever stage finds each, not only the first stage's.
func TestConfigErrorsAllAtOnce(t *testing.T) {
	yaml := `resources:
  Tabel: {}
  Table:
    fields:
      TabelName: {ignore: true}
  Bucket:
    subResources:
      Logging: {}
  Queue:
    fields:
      QueueUrl: {ignore: true}
  Widget: {}
`
	_, err := run(t, "names.json", yaml, Options{})
	for _, want := range []string{
		`generator.yaml:2: no resource Tabel in the fixture model`,
		`generator.yaml:5: Table has no field "TabelName" in spec or status`,
		`generator.yaml:8: sub-resource Logging: no put operation`,
		`generator.yaml:11: Queue cannot ignore QueueUrl: it identifies the resource`,
		`generator.yaml:12: Widget has no delete operation`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v\nwant it to include %q", err, want)
		}
	}
}

// TestConfigErrorsOfOneResource checks that the field-level mistakes of one
// resource are all reported, though different stages find them.
func TestConfigErrorsOfOneResource(t *testing.T) {
	yaml := `resources:
  Table:
    fields:
      TabelName: {ignore: true}
      Tags:
        lateInitialize: true
    pending:
      field: TableStatu
      values: [CREATING]
    notFoundCodes: [ResourceNotFoundExeption]
`
	_, err := run(t, "names.json", yaml, Options{})
	for _, want := range []string{
		`generator.yaml:4: Table has no field "TabelName" in spec or status`,
		`generator.yaml:6: Tags is not returned by DescribeTable`,
		`generator.yaml:8: pending field "TableStatu" is not a status field of Table`,
		`generator.yaml:10: error code "ResourceNotFoundExeption" is not in the model`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v\nwant it to include %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "panic") {
		t.Errorf("inference panicked going on past a mistake: %v", err)
	}
}
