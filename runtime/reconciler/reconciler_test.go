package reconciler

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"

	ackv1alpha1 "github.com/kubesmith/kubesmith/runtime/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/runtime/awsclient"
	"github.com/kubesmith/kubesmith/runtime/managed"
)

// want is what one reconcile pass must do. Conditions map a type to
// "Status/Reason", "" meaning absent; unlisted types are not checked.
type want struct {
	calls   []string
	requeue time.Duration
	err     bool
	conds   map[string]string
	events  []string
	// region is the pinned region; "-" means nothing pinned.
	region string
	// gone: the object was released and is gone from the API server.
	gone  bool
	check func(t *testing.T, e *env, w *Widget)
}

type passCase struct {
	reason string
	obj    *Widget
	ns     map[string]string
	aws    *fakeAWS
	kind   func(*managed.Kind[*Widget])
	opts   func(*Options)
	extra  []client.Object
	want   want
}

func runPassCases(t *testing.T, cases map[string]passCase) {
	t.Helper()
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			objs := append([]client.Object{tc.obj}, tc.extra...)
			if tc.ns != nil {
				objs = append(objs, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: testNS, Annotations: tc.ns}})
			}
			e := newEnv(t, tc.aws, tc.kind, tc.opts, objs...)
			res, err := e.reconcile()
			if (err != nil) != tc.want.err {
				t.Fatalf("%s\nerror = %v, want error %v", tc.reason, err, tc.want.err)
			}
			if res.RequeueAfter != tc.want.requeue {
				t.Errorf("%s\nrequeue after %s, want %s", tc.reason, res.RequeueAfter, tc.want.requeue)
			}
			if got := e.aws.Calls(); !slices.Equal(got, tc.want.calls) {
				t.Errorf("%s\nAWS calls %v, want %v", tc.reason, got, tc.want.calls)
			}
			if got := e.events.reasons(); !slices.Equal(got, tc.want.events) {
				t.Errorf("%s\nevents %v, want %v (all: %q)", tc.reason, got, tc.want.events, e.events.events)
			}
			w := e.get()
			if tc.want.gone {
				if w != nil {
					t.Errorf("%s\nthe object is still there with finalizers %v", tc.reason, w.Finalizers)
				}
				return
			}
			if w == nil {
				t.Fatalf("%s\nthe object is gone", tc.reason)
			}
			for typ, wantCond := range tc.want.conds {
				if got := cond(w, typ); got != wantCond {
					t.Errorf("%s\ncondition %s = %q, want %q (message %q)", tc.reason, typ, got, wantCond, condMessage(w, typ))
				}
			}
			if tc.want.region != "" {
				got := "-"
				if md := w.Status.ACKResourceMetadata; md != nil && md.Region != nil {
					got = *md.Region
				}
				if got != tc.want.region {
					t.Errorf("%s\npinned region %q, want %q", tc.reason, got, tc.want.region)
				}
			}
			if tc.want.check != nil {
				tc.want.check(t, e, w)
			}
		})
	}
}

func TestSync(t *testing.T) {
	synced := map[string]string{"Ready": "True/Available", "ACK.ResourceSynced": "True/Synced", "ACK.Terminal": "", "ACK.Recoverable": ""}
	runPassCases(t, map[string]passCase{
		"CreateMissing": {
			reason: "A missing resource is created in the default region, which is pinned; AWS has it as asked at once, so the same pass reads it and records Ready with the create, in one status write.",
			obj:    widget(),
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, region: "us-west-2",
				conds: synced,
				check: func(t *testing.T, e *env, w *Widget) {
					if !e.aws.exists {
						t.Error("nothing was created in AWS")
					}
					if !controllerutil.ContainsFinalizer(w, testFinalizer) {
						t.Error("no finalizer guards the created resource")
					}
				},
			},
		},
		"InSync": {
			reason: "A resource matching AWS is Ready and Synced, and re-read at the resync period.",
			obj:    widget(ownedIn("us-west-2")),
			aws:    awsState("w", 3, "standard"),
			want:   want{calls: []string{"Observe"}, requeue: 10 * time.Hour, conds: synced, region: "us-west-2"},
		},
		"SpecChange": {
			reason: "A spec change sends an update with only the changed field; it is no drift.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) { w.Generation = 2; w.Spec.Mode = aws.String("standard") }),
			aws:    awsState("w", 5, "standard"),
			want: want{
				calls: []string{"Observe", "Update"}, requeue: time.Second, events: []string{"Updated"},
				conds: map[string]string{"Ready": "False/Updating"},
				check: func(t *testing.T, e *env, w *Widget) {
					if !slices.Equal(e.aws.updateDiffs[0], []string{"size"}) {
						t.Errorf("update diff %v, want [size]", e.aws.updateDiffs[0])
					}
					if w.Status.LastDrift != nil {
						t.Errorf("a spec change was recorded as drift: %+v", w.Status.LastDrift)
					}
					if e.aws.size != 3 {
						t.Errorf("AWS size %d, want 3", e.aws.size)
					}
				},
			},
		},
		"Drift": {
			reason: "AWS changed behind the controller's back while the spec stood still: the change is put back, named in an event and recorded in status.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) { w.Spec.Mode = aws.String("standard") }),
			aws:    awsState("w", 9, "standard"),
			want: want{
				calls: []string{"Observe", "Update"}, requeue: time.Second, events: []string{"DriftCorrected"},
				check: func(t *testing.T, e *env, w *Widget) {
					if e.aws.size != 3 {
						t.Errorf("AWS size %d after the correction, want 3", e.aws.size)
					}
					d := w.Status.LastDrift
					if d == nil || !slices.Equal(d.Fields, []string{"size"}) || !d.CorrectedAt.Time.Equal(e.now) {
						t.Errorf("status.lastDrift = %+v, want fields [size] at %s", d, e.now)
					}
					if !strings.Contains(e.events.events[0], "size") {
						t.Errorf("the drift event does not name the field: %q", e.events.events[0])
					}
				},
			},
		},
		"Pending": {
			reason: "While AWS reports a transitional state, nothing is updated and the resource is re-read at the short pending interval.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) { w.Spec.Mode = aws.String("standard") }),
			aws:    func() *fakeAWS { f := awsState("w", 9, "standard"); f.pending = "UPDATING"; return f }(),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Second,
				conds: map[string]string{"Ready": "False/Pending"},
			},
		},
		"RecreateDeletedOutOfBand": {
			reason: "A resource this object created that vanished from AWS is created again, and that counts as drift.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1)),
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"DriftCorrected"}, region: "us-west-2",
			},
		},
		"NotOurs": {
			reason: "An existing resource this object never created is not taken over without an adoption policy: Terminal, nothing written, re-checked at the resync period.",
			obj:    widget(),
			aws:    awsState("w", 3, "standard"),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "-",
				conds: map[string]string{"ACK.Terminal": "True/Terminal", "Ready": "False/Terminal"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if !strings.Contains(condMessage(w, "ACK.Terminal"), AnnotationAdoptionPolicy) {
						t.Errorf("the message does not say how to adopt: %q", condMessage(w, "ACK.Terminal"))
					}
				},
			},
		},
		"CreateAlreadyExists": {
			reason: "A create that AWS answers with 'already exists' is Terminal, and leaves the region unpinned.",
			obj:    widget(),
			aws:    &fakeAWS{createErr: apiError("CreateWidget", "ResourceInUseException", "Widget already exists: w", 400)},
			kind:   func(k *managed.Kind[*Widget]) { k.AlreadyExistsCodes = []string{"ResourceInUseException"} },
			want: want{
				calls: []string{"Observe", "Create"}, requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "-",
				conds: map[string]string{"ACK.Terminal": "True/ResourceInUseException"},
				check: func(t *testing.T, _ *env, w *Widget) {
					msg := condMessage(w, "ACK.Terminal")
					if !strings.Contains(msg, "Widget already exists: w") || !strings.Contains(msg, AnnotationAdoptionPolicy) {
						t.Errorf("message %q lacks AWS's message or the adoption hint", msg)
					}
				},
			},
		},
		"CreateInvalid": {
			reason: "A validation error is Terminal with AWS's code and message, without the request ID, and no region stays pinned, so fixing the region annotation works.",
			obj:    widget(),
			aws:    &fakeAWS{createErr: apiError("CreateWidget", "ValidationException", "size must be even", 400)},
			want: want{
				calls: []string{"Observe", "Create"}, requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "-",
				conds: map[string]string{"ACK.Terminal": "True/ValidationException", "Ready": "False/ValidationException", "ACK.Recoverable": ""},
				check: func(t *testing.T, _ *env, w *Widget) {
					msg := condMessage(w, "ACK.Terminal")
					if msg != "Test CreateWidget: ValidationException: size must be even" {
						t.Errorf("message %q", msg)
					}
				},
			},
		},
		"CreateAnswerLost": {
			reason: "A create whose answer is lost is Recoverable (retried with backoff) and keeps the region pinned, so the next pass knows the resource as its own.",
			obj:    widget(),
			aws:    &fakeAWS{createErr: networkError("CreateWidget"), createTakesEffect: true},
			want: want{
				calls: []string{"Observe", "Create"}, err: true, region: "us-west-2",
				conds: map[string]string{"ACK.Recoverable": "True/Recoverable", "ACK.Terminal": ""},
			},
		},
		"Throttled": {
			reason: "Throttling is Recoverable with AWS's code: the error goes back to the workqueue for backoff.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1)),
			aws:    &fakeAWS{observeErr: apiError("DescribeWidget", "ThrottlingException", "Rate exceeded", 400)},
			want: want{
				calls: []string{"Observe"}, err: true,
				conds: map[string]string{"ACK.Recoverable": "True/ThrottlingException", "Ready": "False/ThrottlingException", "ACK.Terminal": ""},
			},
		},
		"Unreachable": {
			reason: "A network error is Recoverable.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1)),
			aws:    &fakeAWS{observeErr: networkError("DescribeWidget")},
			want:   want{calls: []string{"Observe"}, err: true, conds: map[string]string{"ACK.Recoverable": "True/Recoverable"}},
		},
		"KindTerminalCode": {
			reason: "An error code the kind lists as Terminal is Terminal.",
			obj:    widget(),
			aws:    &fakeAWS{createErr: apiError("CreateWidget", "WidgetTooLargeException", "too large", 400)},
			kind:   func(k *managed.Kind[*Widget]) { k.TerminalCodes = []string{"WidgetTooLargeException"} },
			want: want{
				calls: []string{"Observe", "Create"}, requeue: 10 * time.Hour, events: []string{"Terminal"},
				conds: map[string]string{"ACK.Terminal": "True/WidgetTooLargeException"},
			},
		},
		"ThrottleStaysRecoverable": {
			reason: "A code the SDK takes for throttling is retried with backoff, even when the kind lists it as Terminal.",
			obj:    widget(),
			aws:    &fakeAWS{createErr: apiError("CreateWidget", "LimitExceededException", "too many widgets", 400)},
			kind:   func(k *managed.Kind[*Widget]) { k.TerminalCodes = []string{"LimitExceededException"} },
			want: want{
				calls: []string{"Observe", "Create"}, err: true,
				conds: map[string]string{"ACK.Recoverable": "True/LimitExceededException", "ACK.Terminal": ""},
			},
		},
		"TerminalRecheckIsQuiet": {
			reason: "The resync re-check of a resource that is still Terminal with the same error sends no second event and leaves the condition alone.",
			obj: widget(func(w *Widget) {
				w.Status.Conditions = []metav1.Condition{{Type: "ACK.Terminal", Status: metav1.ConditionTrue, Reason: "ValidationException", Message: "Test CreateWidget: ValidationException: size must be even", ObservedGeneration: 1, LastTransitionTime: metav1.Now()}}
			}),
			aws: &fakeAWS{createErr: apiError("CreateWidget", "ValidationException", "size must be even", 400)},
			want: want{
				calls: []string{"Observe", "Create"}, requeue: 10 * time.Hour, region: "-",
				conds: map[string]string{"ACK.Terminal": "True/ValidationException"},
			},
		},
		"TerminalCleared": {
			reason: "Once the spec is fixed, the Terminal condition goes.",
			obj: widget(ownedIn("us-west-2"), func(w *Widget) {
				w.Spec.Mode = aws.String("standard")
				w.Status.Conditions = []metav1.Condition{{Type: "ACK.Terminal", Status: metav1.ConditionTrue, Reason: "ValidationException", Message: "bad", LastTransitionTime: metav1.Now()}}
			}),
			aws:  awsState("w", 3, "standard"),
			want: want{calls: []string{"Observe"}, requeue: 10 * time.Hour, conds: synced},
		},
	})
}

func TestPlacement(t *testing.T) {
	runPassCases(t, map[string]passCase{
		"RegionFromAnnotation": {
			reason: "The resource's region annotation wins over the namespace's default and the flag.",
			obj:    widget(annotate(AnnotationRegion, "eu-west-1")),
			ns:     map[string]string{AnnotationDefaultRegion: "ap-south-1"},
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, region: "eu-west-1"},
		},
		"RegionFromNamespace": {
			reason: "Without an annotation on the resource, the namespace's default-region wins over the flag.",
			obj:    widget(),
			ns:     map[string]string{AnnotationDefaultRegion: "ap-south-1"},
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, region: "ap-south-1"},
		},
		"RegionFromFlag": {
			reason: "Without annotations, the controller's region applies.",
			obj:    widget(),
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}, region: "us-west-2"},
		},
		"NoRegion": {
			reason: "No region anywhere is Terminal, before any AWS call.",
			obj:    widget(),
			opts:   func(o *Options) { o.DefaultRegion = "" },
			want:   want{requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}},
		},
		"RegionMovedDuringLostCreate": {
			reason: "A create whose answer was lost is settled in the region its record names, which rode with the finalizer before the call; the region annotation changed meanwhile is Terminal, and nothing is read or created elsewhere.",
			obj: widget(func(w *Widget) { w.Finalizers = append(w.Finalizers, testFinalizer) },
				annotate(AnnotationCreatePending, "2026-01-01T00:00:00Z region=us-west-2 account="+ownAccount), annotate(AnnotationRegion, "eu-west-1")),
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"},
				conds: map[string]string{"ACK.Terminal": "True/Terminal", "Ready": "False/Terminal"},
				check: func(t *testing.T, e *env, w *Widget) {
					if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, "lives in region us-west-2") {
						t.Errorf("message %q does not name the recorded region", msg)
					}
					if len(e.targets) != 0 {
						t.Errorf("AWS clients were built for %v", e.targets)
					}
				},
			},
		},
		"RegionMoved": {
			reason: "Changing the region of an existing resource is Terminal with a clear message; nothing is read or created in the new region.",
			obj:    widget(ownedIn("us-west-2"), annotate(AnnotationRegion, "eu-west-1")),
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "us-west-2",
				conds: map[string]string{"ACK.Terminal": "True/Terminal", "Ready": "False/Terminal"},
				check: func(t *testing.T, e *env, w *Widget) {
					msg := condMessage(w, "ACK.Terminal")
					if !strings.Contains(msg, "us-west-2") || !strings.Contains(msg, "eu-west-1") {
						t.Errorf("message %q does not name both regions", msg)
					}
					if len(e.targets) != 0 {
						t.Errorf("AWS clients were built for %v", e.targets)
					}
				},
			},
		},
		"CrossAccount": {
			reason: "A namespace owner-account-id assumes the mapped role, with its external ID, and the account is pinned before the create.",
			obj:    widget(),
			ns:     map[string]string{AnnotationOwnerAccountID: "111122223333"},
			opts:   func(o *Options) { o.Roles = fakeRoles{"111122223333": "arn:aws:iam::111122223333:role/ack"} },
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				check: func(t *testing.T, e *env, w *Widget) {
					want := awsclient.Target{Region: "us-west-2", RoleARN: "arn:aws:iam::111122223333:role/ack", ExternalID: "ext-111122223333"}
					if len(e.targets) != 1 || e.targets[0] != want {
						t.Errorf("targets %+v, want %+v", e.targets, want)
					}
					if got, _ := readPendingCreate(w); got.account != "111122223333" {
						t.Errorf("the create was recorded for account %q (%s)", got.account, w.Annotations[AnnotationCreatePending])
					}
				},
			},
		},
		"CrossAccountUnmapped": {
			reason: "An account without a role in the map is Recoverable: the map may be fixed later.",
			obj:    widget(),
			ns:     map[string]string{AnnotationOwnerAccountID: "444455556666"},
			opts:   func(o *Options) { o.Roles = fakeRoles{} },
			want:   want{err: true, conds: map[string]string{"ACK.Recoverable": "True/Recoverable"}},
		},
		"CrossAccountDisabled": {
			reason: "With --enable-carm=false, an owner-account-id is Terminal rather than silently using the controller's own account.",
			obj:    widget(),
			ns:     map[string]string{AnnotationOwnerAccountID: "444455556666"},
			want:   want{requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}},
		},
		"AccountMoved": {
			reason: "A namespace that names another account than the resource lives in is Terminal.",
			obj:    widget(ownedIn("us-west-2")),
			ns:     map[string]string{AnnotationOwnerAccountID: "111122223333"},
			opts:   func(o *Options) { o.Roles = fakeRoles{"111122223333": "arn:aws:iam::111122223333:role/ack"} },
			want:   want{requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}},
		},
		"OwnAccountPinnedAtCreate": {
			reason: "A resource made with the controller's own credentials has that account pinned before the create, so a later owner-account-id cannot move it.",
			obj:    widget(),
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				check: func(t *testing.T, _ *env, w *Widget) {
					md := w.Status.ACKResourceMetadata
					if got := aws.ToString(md.OwnerAccountID); got != ownAccount {
						t.Errorf("pinned account %q, want %q", got, ownAccount)
					}
					if md.Ownership != ackv1alpha1.OwnershipCreated {
						t.Errorf("ownership %q, want Created", md.Ownership)
					}
				},
			},
		},
		"AccountAnnotationRemoved": {
			reason: "A resource made in another account through owner-account-id stays there when the annotation goes: Terminal, and no call in the controller's own account.",
			obj:    widget(ownedInAccount("111122223333")),
			opts:   func(o *Options) { o.Roles = fakeRoles{"111122223333": "arn:aws:iam::111122223333:role/ack"} },
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "us-west-2",
				conds: map[string]string{"ACK.Terminal": "True/Terminal", "Ready": "False/Terminal"},
				check: func(t *testing.T, e *env, w *Widget) {
					if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, "111122223333") {
						t.Errorf("message %q does not name the pinned account", msg)
					}
				},
			},
		},
		"AccountAnnotationRemovedDeleting": {
			reason: "Deleting such a resource still goes to the account it lives in, through its role.",
			obj:    widget(ownedInAccount("111122223333"), deleting),
			aws:    awsState("w", 3, "standard"),
			opts:   func(o *Options) { o.Roles = fakeRoles{"111122223333": "arn:aws:iam::111122223333:role/ack"} },
			want: want{
				calls: []string{"Observe", "Delete"}, requeue: time.Second, events: []string{"Deleting"},
				check: func(t *testing.T, e *env, _ *Widget) {
					if len(e.targets) == 0 || e.targets[len(e.targets)-1].RoleARN != "arn:aws:iam::111122223333:role/ack" {
						t.Errorf("targets %+v, want the pinned account's role", e.targets)
					}
				},
			},
		},
		"CredentialsInAnotherAccount": {
			reason: "Credentials that now reach another account than the resource lives in are Terminal: nothing is created there.",
			obj:    widget(ownedIn("us-west-2")),
			opts: func(o *Options) {
				o.CallerAccount = func(context.Context, aws.Config) (string, error) { return "999988887777", nil }
			},
			want: want{requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}},
		},
		"DefaultTags": {
			reason: "Create receives the default tags with placeholders filled for the object.",
			obj:    widget(),
			opts: func(o *Options) {
				o.Tags = map[string]string{"services.k8s.aws/namespace": "%K8S_NAMESPACE%", "services.k8s.aws/name": "%K8S_RESOURCE_NAME%", "services.k8s.aws/controller-version": "%CONTROLLER_SERVICE%-%CONTROLLER_VERSION%"}
			},
			want: want{
				calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"},
				check: func(t *testing.T, e *env, _ *Widget) {
					want := map[string]string{"services.k8s.aws/namespace": "team", "services.k8s.aws/name": "w", "services.k8s.aws/controller-version": "test-v0.1.0"}
					if !mapsEqual(e.aws.createTags, want) {
						t.Errorf("create tags %v, want %v", e.aws.createTags, want)
					}
				},
			},
		},
	})
}

func TestPolicies(t *testing.T) {
	runPassCases(t, map[string]passCase{
		"ReadOnlyDiffers": {
			reason: "A read-only object reads and publishes status, and never writes to AWS even when AWS differs.",
			obj:    widget(annotate(AnnotationReadOnly, "true")),
			aws:    awsState("w", 9, "standard"),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour, region: "us-west-2",
				conds: map[string]string{"Ready": "True/Available", "ACK.ResourceSynced": "False/ReadOnly"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if aws.ToString(w.Status.State) != "ACTIVE" || aws.ToString(w.Status.ACKResourceMetadata.ARN) != testARN {
						t.Errorf("status not published: state %v, metadata %+v", w.Status.State, w.Status.ACKResourceMetadata)
					}
					if w.Spec.Mode != nil {
						t.Errorf("a read-only object was late-initialized: mode %q", *w.Spec.Mode)
					}
				},
			},
		},
		"ReadOnlyThenManaged": {
			reason: "An object that only observed a resource (read-only) does not own it once the annotation goes: it goes through the adoption rules, so AWS is neither changed nor taken over.",
			obj:    widget(observedIn("us-west-2")),
			aws:    awsState("w", 9, "standard"),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour, events: []string{"Terminal"},
				conds: map[string]string{"ACK.Terminal": "True/Terminal"},
				check: func(t *testing.T, e *env, w *Widget) {
					if e.aws.size != 9 {
						t.Errorf("AWS was changed: size %d", e.aws.size)
					}
					if w.Status.ACKResourceMetadata.Ownership != "" {
						t.Errorf("ownership %q recorded for a resource the object never created or adopted", w.Status.ACKResourceMetadata.Ownership)
					}
				},
			},
		},
		"ReadOnlyThenDeleted": {
			reason: "Deleting an object that only observed its resource, after its read-only annotation went, leaves AWS alone.",
			obj:    widget(observedIn("us-west-2"), deleting),
			aws:    awsState("w", 9, "standard"),
			want:   want{gone: true, events: []string{"Released"}},
		},
		"ReadOnlyThenAdopted": {
			reason: "Once read-only goes, the adoption policy is the way to take the resource over, and it is recorded as adopted.",
			obj:    widget(observedIn("us-west-2"), annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt)),
			aws:    awsState("w", 9, "standard"),
			want: want{
				calls: []string{"Observe"}, requeue: time.Second, events: []string{"Adopted"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if w.Status.ACKResourceMetadata.Ownership != ackv1alpha1.OwnershipAdopted {
						t.Errorf("ownership %q, want Adopted", w.Status.ACKResourceMetadata.Ownership)
					}
				},
			},
		},
		"ReadOnlyMissing": {
			reason: "A read-only object whose resource is missing creates nothing.",
			obj:    widget(annotate(AnnotationReadOnly, "true")),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour,
				conds: map[string]string{"Ready": "False/NotFound"},
			},
		},
		"Paused": {
			reason: "A paused object makes no AWS call and is not requeued.",
			obj:    widget(ownedIn("us-west-2"), annotate(AnnotationPaused, "true")),
			aws:    awsState("w", 9, "standard"),
			want: want{
				conds: map[string]string{"ACK.ResourceSynced": "False/Paused"},
				check: func(t *testing.T, e *env, _ *Widget) {
					if len(e.targets) != 0 {
						t.Errorf("AWS clients were built: %v", e.targets)
					}
				},
			},
		},
		"PausedDeleting": {
			reason: "A paused object being deleted keeps its finalizer and its AWS resource.",
			obj:    widget(ownedIn("us-west-2"), annotate(AnnotationPaused, "true"), deleting),
			aws:    awsState("w", 3, "standard"),
			want: want{
				check: func(t *testing.T, e *env, w *Widget) {
					if !controllerutil.ContainsFinalizer(w, testFinalizer) || !e.aws.exists {
						t.Errorf("finalizers %v, AWS exists %v", w.Finalizers, e.aws.exists)
					}
				},
			},
		},
		"BadAnnotation": {
			reason: "An annotation value that is not a boolean is Terminal rather than guessed.",
			obj:    widget(annotate(AnnotationReadOnly, "yes please")),
			want:   want{requeue: 10 * time.Hour, events: []string{"Terminal"}, conds: map[string]string{"ACK.Terminal": "True/Terminal"}},
		},
		"Adopt": {
			reason: "adopt reads AWS into the spec and pins the resource as this object's, without writing to AWS.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt)),
			aws:    awsState("w", 7, "fast"),
			want: want{
				calls: []string{"Observe"}, requeue: time.Second, events: []string{"Adopted"}, region: "us-west-2",
				check: func(t *testing.T, _ *env, w *Widget) {
					if aws.ToInt64(w.Spec.Size) != 7 || aws.ToString(w.Spec.Mode) != "fast" {
						t.Errorf("spec size %v mode %v, want AWS's 7 and fast", w.Spec.Size, w.Spec.Mode)
					}
				},
			},
		},
		"AdoptNothing": {
			reason: "adopt with nothing in AWS is Terminal and never creates.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt)),
			want:   want{calls: []string{"Observe"}, requeue: 10 * time.Hour, events: []string{"Terminal"}, region: "-"},
		},
		"AdoptOrCreateMissing": {
			reason: "adopt-or-create creates a missing resource.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdoptOrCreate)),
			want:   want{calls: []string{"Observe", "Create", "Observe"}, requeue: 10 * time.Hour, events: []string{"Created"}},
		},
		"AdoptOrCreateExisting": {
			reason: "adopt-or-create fills only what the spec leaves empty; the spec's own values win.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdoptOrCreate)),
			aws:    awsState("w", 7, "fast"),
			want: want{
				calls: []string{"Observe"}, requeue: time.Second, events: []string{"Adopted"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if aws.ToInt64(w.Spec.Size) != 3 || aws.ToString(w.Spec.Mode) != "fast" {
						t.Errorf("spec size %v mode %v, want the spec's 3 and AWS's fast", w.Spec.Size, w.Spec.Mode)
					}
				},
			},
		},
		"AdoptionFields": {
			reason: "adoption-fields name the resource: they are written into the spec before the read.",
			obj: widget(func(w *Widget) { w.Spec.Name = nil },
				annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt, AnnotationAdoptionFields, `{"name": "legacy"}`)),
			aws: awsState("legacy", 4, "fast"),
			want: want{
				calls: []string{"Observe"}, requeue: time.Second, events: []string{"Adopted"},
				check: func(t *testing.T, e *env, w *Widget) {
					if aws.ToString(e.aws.observed[0].Name) != "legacy" {
						t.Errorf("the read looked for %v", e.aws.observed[0].Name)
					}
					if aws.ToString(w.Spec.Name) != "legacy" || aws.ToInt64(w.Spec.Size) != 4 {
						t.Errorf("spec %+v", w.Spec)
					}
				},
			},
		},
		"AdoptionFieldsUnknown": {
			reason: "adoption-fields naming a field the kind lacks is Terminal, listing the fields it has.",
			obj:    widget(annotate(AnnotationAdoptionPolicy, AdoptionPolicyAdopt, AnnotationAdoptionFields, `{"tableName": "x"}`)),
			want: want{
				requeue: 10 * time.Hour, events: []string{"Terminal"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if msg := condMessage(w, "ACK.Terminal"); !strings.Contains(msg, "tableName") || !strings.Contains(msg, "name, password, peer, peerRef, size") {
						t.Errorf("message %q", msg)
					}
				},
			},
		},
		"AdoptionFieldsWithoutPolicy": {
			reason: "adoption-fields without an adoption policy is Terminal: adoption must be asked for explicitly.",
			obj:    widget(annotate(AnnotationAdoptionFields, `{"name": "x"}`)),
			want:   want{requeue: 10 * time.Hour, events: []string{"Terminal"}},
		},
		"LateInit": {
			reason: "A server default for a field the user left empty is copied into the spec once, and LateInitialized is set.",
			obj:    widget(ownedIn("us-west-2")),
			aws:    awsState("w", 3, "standard"),
			want: want{
				calls: []string{"Observe"}, requeue: 10 * time.Hour,
				conds: map[string]string{"ACK.LateInitialized": "True/LateInitialized", "Ready": "True/Available"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if aws.ToString(w.Spec.Mode) != "standard" {
						t.Errorf("spec mode %v, want the server's standard", w.Spec.Mode)
					}
				},
			},
		},
		"LateInitKeepsUserValue": {
			reason: "Late initialization never overwrites a value the user set; the difference is an update instead.",
			obj:    widget(ownedIn("us-west-2"), syncedAt(1), func(w *Widget) { w.Spec.Mode = aws.String("fast") }),
			aws:    awsState("w", 3, "standard"),
			want: want{
				calls: []string{"Observe", "Update"}, requeue: time.Second, events: []string{"DriftCorrected"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if aws.ToString(w.Spec.Mode) != "fast" {
						t.Errorf("spec mode %v", w.Spec.Mode)
					}
				},
			},
		},
	})
}

func TestDelete(t *testing.T) {
	runPassCases(t, map[string]passCase{
		"DeleteKeepsFinalizer": {
			reason: "Deleting calls AWS and keeps the finalizer until a read says the resource is gone.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			aws:    awsState("w", 3, "standard"),
			want: want{
				calls: []string{"Observe", "Delete"}, requeue: time.Second, events: []string{"Deleting"},
				check: func(t *testing.T, _ *env, w *Widget) {
					if !controllerutil.ContainsFinalizer(w, testFinalizer) {
						t.Error("the finalizer went before AWS reported the resource gone")
					}
				},
			},
		},
		"DeleteGone": {
			reason: "Once AWS reports the resource gone, the finalizer goes; already missing is fine.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			want:   want{calls: []string{"Observe"}, events: []string{"Deleted"}, gone: true},
		},
		"DeleteWhilePending": {
			reason: "While AWS reports a transitional state, deletion waits at the pending interval.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			aws:    func() *fakeAWS { f := awsState("w", 3, "standard"); f.pending = "DELETING"; return f }(),
			want:   want{calls: []string{"Observe"}, requeue: 10 * time.Second},
		},
		"DeleteRefused": {
			reason: "A Terminal delete error (deletion protection) keeps the finalizer and says why.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			aws: func() *fakeAWS {
				f := awsState("w", 3, "standard")
				f.deleteErr = apiError("DeleteWidget", "ValidationException", "deletion protection is on", 400)
				return f
			}(),
			want: want{
				calls: []string{"Observe", "Delete"}, requeue: 10 * time.Hour, events: []string{"Terminal"},
				conds: map[string]string{"ACK.Terminal": "True/ValidationException"},
			},
		},
		"DeletePinnedRegion": {
			reason: "A deletion goes to the pinned region even when the annotation has since changed.",
			obj:    widget(ownedIn("us-west-2"), deleting, annotate(AnnotationRegion, "eu-west-1")),
			aws:    awsState("w", 3, "standard"),
			want: want{
				calls: []string{"Observe", "Delete"}, requeue: time.Second, events: []string{"Deleting"},
				check: func(t *testing.T, e *env, _ *Widget) {
					if e.targets[0].Region != "us-west-2" {
						t.Errorf("deleted in %s", e.targets[0].Region)
					}
				},
			},
		},
		"RetainOnObject": {
			reason: "deletion-policy retain on the object orphans the AWS resource.",
			obj:    widget(ownedIn("us-west-2"), deleting, annotate(AnnotationDeletionPolicy, DeletionPolicyRetain)),
			aws:    awsState("w", 3, "standard"),
			want:   want{events: []string{"Retained"}, gone: true},
		},
		"RetainOnNamespace": {
			reason: "deletion-policy retain on the namespace orphans the AWS resource.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			ns:     map[string]string{AnnotationDeletionPolicy: DeletionPolicyRetain},
			aws:    awsState("w", 3, "standard"),
			want:   want{events: []string{"Retained"}, gone: true},
		},
		"RetainByFlag": {
			reason: "--deletion-policy retain orphans the AWS resource.",
			obj:    widget(ownedIn("us-west-2"), deleting),
			opts:   func(o *Options) { o.DeletionPolicy = DeletionPolicyRetain },
			aws:    awsState("w", 3, "standard"),
			want:   want{events: []string{"Retained"}, gone: true},
		},
		"ObjectOverridesNamespace": {
			reason: "The object's delete policy wins over its namespace's retain.",
			obj:    widget(ownedIn("us-west-2"), deleting, annotate(AnnotationDeletionPolicy, DeletionPolicyDelete)),
			ns:     map[string]string{AnnotationDeletionPolicy: DeletionPolicyRetain},
			aws:    awsState("w", 3, "standard"),
			want:   want{calls: []string{"Observe", "Delete"}, requeue: time.Second, events: []string{"Deleting"}},
		},
		"ReadOnlyDelete": {
			reason: "Deleting a read-only object never deletes the AWS resource.",
			obj:    widget(ownedIn("us-west-2"), deleting, annotate(AnnotationReadOnly, "true")),
			aws:    awsState("w", 3, "standard"),
			want:   want{events: []string{"Retained"}, gone: true},
		},
		"NeverOwned": {
			reason: "An object that never created or adopted a resource (say, after a Terminal create) deletes nothing, even if AWS has one by that name.",
			obj:    widget(withFinalizer, deleting),
			aws:    awsState("w", 3, "standard"),
			want:   want{events: []string{"Released"}, gone: true},
		},
	})
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}
