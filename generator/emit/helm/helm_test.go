package helm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"sigs.k8s.io/yaml"
)

// The chart as Helm sees it: lint --strict and template with several values
// files, then checks of the rendered objects, above all the controller's flags.
func TestChartWithHelm(t *testing.T) {
	helm := helmBinary(t)
	chartDir := t.TempDir()
	files, err := Chart(testInput())
	if err != nil {
		t.Fatal(err)
	}
	writeChart(t, chartDir, files)

	cases := []helmCase{
		{
			reason: "the defaults install cluster-wide, with limits that do not throttle thousands of objects: 200 Kubernetes requests a second, 8 reconciles per kind, no fixed AWS cap",
			check: func(t *testing.T, r rendered) {
				r.wantKinds(t, "ClusterRole", "ClusterRoleBinding", "Deployment", "Role", "RoleBinding", "ServiceAccount")
				args := r.controller(t).Args
				wantArgs(t, args, "--kube-api-qps", "200")
				wantArgs(t, args, "--kube-api-burst", "400")
				wantArgs(t, args, "--reconcile-default-max-concurrent-syncs", "8")
				wantArgs(t, args, "--aws-api-qps", "0")
				wantArgs(t, args, "--reconcile-resources", "Backup,Table")
				wantArgs(t, args, "--reconcile-default-resync-seconds", "36000")
				wantArgs(t, args, "--metrics-addr", ":8080")
				wantArgs(t, args, "--health-probe-addr", ":8081")
				wantArgs(t, args, "--deletion-policy", "delete")
				wantArgs(t, args, "--enable-carm=true")
				wantArgs(t, args, "--enable-cross-namespace=true")
				wantArgs(t, args, "--allow-unsafe-aws-endpoint-urls=false")
				wantArgs(t, args, "--enable-leader-election=false")
				wantArgs(t, args, "--resource-tags", "services.k8s.aws/controller-version=%CONTROLLER_SERVICE%-%CONTROLLER_VERSION%,services.k8s.aws/namespace=%K8S_NAMESPACE%,services.k8s.aws/name=%K8S_RESOURCE_NAME%")
				for _, flag := range []string{"--watch-namespace", "--aws-region", "--aws-endpoint-use-path-style"} {
					if slices.ContainsFunc(args, func(a string) bool { return a == flag || strings.HasPrefix(a, flag+"=") }) {
						t.Errorf("%s is passed though its value is empty: %q", flag, args)
					}
				}
				in := testInput()
				if got, want := r.clusterRole(t).Rules, slices.Concat(in.RBAC.Watched, in.RBAC.Cluster); !reflect.DeepEqual(got, want) {
					t.Errorf("the ClusterRole grants\n%+v\nwant the generator's rules\n%+v", got, want)
				}
				roles := r.roles(t)
				if len(roles) != 1 || roles[0].Namespace != "ctl" || !reflect.DeepEqual(roles[0].Rules, in.RBAC.CARM) {
					t.Errorf("want one Role in ctl with the cross-account rules %+v, got %+v", in.RBAC.CARM, roles)
				}
			},
		},
		{
			reason: "namespace scope with leader election, metrics Service, a per-kind resync and a credentials Secret",
			values: `
installScope: namespace
leaderElection: {enabled: true}
metrics: {service: {create: true}}
reconcile: {resourceResyncPeriods: {Table: 60}}
aws: {credentials: {secretName: x}}
`,
			check: func(t *testing.T, r rendered) {
				r.wantKinds(t, "ClusterRole", "ClusterRoleBinding", "Deployment", "Role", "Role", "Role", "RoleBinding", "RoleBinding", "RoleBinding", "Service", "ServiceAccount")
				c := r.controller(t)
				wantArgs(t, c.Args, "--reconcile-resource-resync-seconds", "Table=60")
				wantArgs(t, c.Args, "--watch-namespace", "ctl")
				wantArgs(t, c.Args, "--enable-leader-election=true")
				wantEnv(t, c.Env, "AWS_SHARED_CREDENTIALS_FILE", "/var/run/secrets/aws/credentials")
				wantEnv(t, c.Env, "AWS_PROFILE", "default")
				if vols := r.deployment(t).Spec.Template.Spec.Volumes; len(vols) != 1 || vols[0].Secret == nil || vols[0].Secret.SecretName != "x" {
					t.Errorf("want one volume from Secret x, got %+v", vols)
				}
			},
		},
		{
			reason: "namespace scope over other namespaces: the kinds' rules in each, the role map in the release namespace, namespaces cluster-wide",
			values: `
installScope: namespace
watchNamespace: "team-a, team-b"
`,
			check: func(t *testing.T, r rendered) {
				wantArgs(t, r.controller(t).Args, "--watch-namespace", "team-a,team-b")
				in := testInput()
				var got []string
				for _, role := range r.roles(t) {
					want := in.RBAC.Watched
					if role.Namespace == "ctl" {
						want = in.RBAC.CARM
					}
					if !reflect.DeepEqual(role.Rules, want) {
						t.Errorf("Role %s/%s grants %+v, want %+v", role.Namespace, role.Name, role.Rules, want)
					}
					got = append(got, role.Namespace)
				}
				if want := []string{"ctl", "team-a", "team-b"}; !slices.Equal(got, want) {
					t.Errorf("Roles in namespaces %v, want %v", got, want)
				}
				if got := r.clusterRole(t).Rules; !reflect.DeepEqual(got, in.RBAC.Cluster) {
					t.Errorf("the ClusterRole grants %+v, want only the cluster-scoped rules %+v", got, in.RBAC.Cluster)
				}
			},
		},
		{
			reason: "enableCARM=false grants nothing on ConfigMaps",
			values: "enableCARM: false\n",
			check: func(t *testing.T, r rendered) {
				r.wantKinds(t, "ClusterRole", "ClusterRoleBinding", "Deployment", "ServiceAccount")
				wantArgs(t, r.controller(t).Args, "--enable-carm=false")
			},
		},
		{
			reason: "endpoint, region, cross-namespace switch and pod extras reach the pod",
			values: `
aws: {region: eu-west-1, endpoint_url: "http://127.0.0.1:5000", identity_endpoint_url: "http://127.0.0.1:5001", allow_unsafe_aws_endpoint_urls: true}
enableCrossNamespace: false
watchSelectors: "team=a"
reconcile: {resourceMaxConcurrentSyncs: {Table: 4, Backup: 2}, resources: [Table]}
log: {level: debug, enable_development_logging: true}
image: {pullSecrets: [regcred]}
deployment:
  annotations: {example.com/note: hi}
  tolerations: [{key: dedicated, operator: Exists}]
  strategy: {type: Recreate}
  extraEnvVars: [{name: DEMO, value: "1"}]
  extraVolumes: [{name: scratch, emptyDir: {}}]
  extraVolumeMounts: [{name: scratch, mountPath: /scratch}]
`,
			check: func(t *testing.T, r rendered) {
				c := r.controller(t)
				wantArgs(t, c.Args, "--aws-region", "eu-west-1", "--aws-endpoint-url", "http://127.0.0.1:5000")
				wantArgs(t, c.Args, "--enable-cross-namespace=false")
				wantArgs(t, c.Args, "--allow-unsafe-aws-endpoint-urls=true")
				wantArgs(t, c.Args, "--watch-selectors", "team=a")
				wantArgs(t, c.Args, "--reconcile-resource-max-concurrent-syncs", "Backup=2", "--reconcile-resource-max-concurrent-syncs", "Table=4")
				wantArgs(t, c.Args, "--reconcile-resources", "Table")
				wantArgs(t, c.Args, "--enable-development-logging=true", "--log-level", "debug")
				wantEnv(t, c.Env, "AWS_REGION", "eu-west-1")
				wantEnv(t, c.Env, "AWS_ENDPOINT_URL", "http://127.0.0.1:5000")
				wantEnv(t, c.Env, "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:5001")
				wantEnv(t, c.Env, "DEMO", "1")
				d := r.deployment(t)
				pod := d.Spec.Template.Spec
				switch {
				case len(pod.ImagePullSecrets) != 1 || pod.ImagePullSecrets[0].Name != "regcred":
					t.Errorf("image pull secrets %+v", pod.ImagePullSecrets)
				case len(pod.Tolerations) != 1 || len(pod.Volumes) != 1 || len(c.VolumeMounts) != 1:
					t.Errorf("tolerations %+v, volumes %+v, mounts %+v", pod.Tolerations, pod.Volumes, c.VolumeMounts)
				case d.Spec.Strategy.Type != appsv1.RecreateDeploymentStrategyType:
					t.Errorf("strategy %+v", d.Spec.Strategy)
				case d.Spec.Template.Annotations["example.com/note"] != "hi":
					t.Errorf("pod annotations %+v", d.Spec.Template.Annotations)
				}
			},
		},
		{
			reason: "endpoint_use_path_style false, as the incumbent's values files write it, reaches the controller",
			values: "aws: {endpoint_url: \"http://localhost:5000\", endpoint_use_path_style: false}\n",
			check: func(t *testing.T, r rendered) {
				wantArgs(t, r.controller(t).Args, "--aws-endpoint-use-path-style=false")
			},
		},
		{
			reason: "endpoint_use_path_style true reaches the controller",
			values: "aws: {endpoint_use_path_style: true}\n",
			check: func(t *testing.T, r rendered) {
				wantArgs(t, r.controller(t).Args, "--aws-endpoint-use-path-style=true")
			},
		},
		{
			reason:      "Helm enforces the schema: endpoint_use_path_style is a bool or empty",
			values:      "aws: {endpoint_use_path_style: sometimes}\n",
			wantLintErr: "endpoint_use_path_style",
		},
		{
			reason:      "Helm enforces the schema: installScope is an enum",
			values:      "installScope: everywhere\n",
			wantLintErr: "installScope",
		},
		{
			reason:      "Helm enforces the schema: a feature gate that would not act fails",
			values:      "featureGates: {ResourceAdoption: false}\n",
			wantLintErr: "ResourceAdoption",
		},
		{
			reason:      "Helm enforces the schema: a misspelled key fails",
			values:      "image: {tagg: v1}\n",
			wantLintErr: "tagg",
		},
	}
	if incumbent := findUp(t, "shared/reference/ack-config/dynamodb/values.yaml"); incumbent != "" {
		data, err := os.ReadFile(incumbent)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, helmCase{
			reason: "a user's ACK values file (the incumbent's defaults) lints and renders unchanged",
			values: string(data),
			check: func(t *testing.T, r rendered) {
				wantArgs(t, r.controller(t).Args, "--reconcile-resources", "Backup,GlobalTable,Table")
			},
		})
	}
	// Not the subtest's own TempDir: its name holds the reason, and helm -f
	// splits a path at commas.
	valuesDir := t.TempDir()
	for i, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			valuesFile := filepath.Join(valuesDir, fmt.Sprintf("values-%d.yaml", i))
			if err := os.WriteFile(valuesFile, []byte(c.values), 0o644); err != nil {
				t.Fatal(err)
			}
			lint, err := exec.Command(helm, "lint", "--strict", chartDir, "-f", valuesFile).CombinedOutput()
			if c.wantLintErr != "" {
				if err == nil || !strings.Contains(string(lint), c.wantLintErr) {
					t.Errorf("want helm lint to fail about %q, got %v:\n%s", c.wantLintErr, err, lint)
				}
				return
			}
			if err != nil {
				t.Fatalf("helm lint --strict: %v\n%s", err, lint)
			}
			out, err := exec.Command(helm, "template", "rel", chartDir, "--namespace", "ctl", "-f", valuesFile).Output()
			if err != nil {
				t.Fatalf("helm template: %v\n%s", err, stderrOf(err))
			}
			c.check(t, parseManifests(t, out))
		})
	}
}

type helmCase struct {
	reason      string
	values      string // a values file
	wantLintErr string // "" when lint must pass
	check       func(t *testing.T, r rendered)
}

// helmBinary is the Helm that hack/tools.sh builds into <repo>/bin.
func helmBinary(t *testing.T) string {
	t.Helper()
	goMod := findUp(t, "go.mod")
	if goMod == "" {
		t.Fatal("no go.mod above the working directory")
	}
	helm := filepath.Join(filepath.Dir(goMod), "bin", "helm")
	if _, err := os.Stat(helm); err != nil {
		t.Skipf("%s is missing, so the chart is not checked with Helm; build it with hack/tools.sh helm", helm)
	}
	return helm
}

// rendered is the output of helm template, one decoded object per manifest.
type rendered []map[string]any

func parseManifests(t *testing.T, out []byte) rendered {
	t.Helper()
	var r rendered
	for _, doc := range strings.Split(string(out), "\n---\n") {
		var obj map[string]any
		if err := yaml.Unmarshal([]byte(doc), &obj); err != nil {
			t.Fatalf("helm template gave invalid YAML: %v\n%s", err, doc)
		}
		if obj != nil {
			r = append(r, obj)
		}
	}
	return r
}

func (r rendered) wantKinds(t *testing.T, want ...string) {
	t.Helper()
	var got []string
	for _, obj := range r {
		got = append(got, obj["kind"].(string))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("rendered kinds %v, want %v", got, want)
	}
}

func (r rendered) all(t *testing.T, kind string) []any {
	t.Helper()
	var objs []any
	for _, obj := range r {
		if obj["kind"] == kind {
			objs = append(objs, obj)
		}
	}
	return objs
}

// one decodes the only object of its kind into into, strictly, so a field
// name the API does not know fails the test.
func (r rendered) one(t *testing.T, kind string, into any) {
	t.Helper()
	objs := r.all(t, kind)
	if len(objs) != 1 {
		t.Fatalf("want one %s, got %d", kind, len(objs))
	}
	data, err := yaml.Marshal(objs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.UnmarshalStrict(data, into); err != nil {
		t.Fatalf("%s is not a valid %s: %v", kind, kind, err)
	}
}

func (r rendered) deployment(t *testing.T) appsv1.Deployment {
	t.Helper()
	var d appsv1.Deployment
	r.one(t, "Deployment", &d)
	return d
}

func (r rendered) clusterRole(t *testing.T) rbacv1.ClusterRole {
	t.Helper()
	var role rbacv1.ClusterRole
	r.one(t, "ClusterRole", &role)
	return role
}

// roles decodes every Role, sorted by namespace and name.
func (r rendered) roles(t *testing.T) []rbacv1.Role {
	t.Helper()
	var out []rbacv1.Role
	for _, obj := range r.all(t, "Role") {
		data, err := yaml.Marshal(obj)
		if err != nil {
			t.Fatal(err)
		}
		var role rbacv1.Role
		if err := yaml.UnmarshalStrict(data, &role); err != nil {
			t.Fatalf("not a valid Role: %v", err)
		}
		out = append(out, role)
	}
	slices.SortFunc(out, func(a, b rbacv1.Role) int { return strings.Compare(a.Namespace+"/"+a.Name, b.Namespace+"/"+b.Name) })
	return out
}

func (r rendered) controller(t *testing.T) corev1.Container {
	t.Helper()
	containers := r.deployment(t).Spec.Template.Spec.Containers
	if len(containers) != 1 || !slices.Equal(containers[0].Command, []string{"/controller"}) {
		t.Fatalf("want one container running /controller, got %+v", containers)
	}
	return containers[0]
}

// wantArgs checks that seq appears in args as consecutive arguments.
func wantArgs(t *testing.T, args []string, seq ...string) {
	t.Helper()
	for i := range args {
		if len(args)-i >= len(seq) && slices.Equal(args[i:i+len(seq)], seq) {
			return
		}
	}
	t.Errorf("args %q lack %q", args, seq)
}

func wantEnv(t *testing.T, env []corev1.EnvVar, name, value string) {
	t.Helper()
	if !slices.ContainsFunc(env, func(e corev1.EnvVar) bool { return e.Name == name && e.Value == value }) {
		t.Errorf("env %+v lacks %s=%s", env, name, value)
	}
}

func stderrOf(err error) string {
	if exit, ok := err.(*exec.ExitError); ok {
		return string(exit.Stderr)
	}
	return ""
}
