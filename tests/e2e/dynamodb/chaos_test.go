package dynamodb

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	apimeta "k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"github.com/kubesmith/kubesmith/generated/dynamodb/apis/v1alpha1"
	"github.com/kubesmith/kubesmith/tests/harness"
)

var (
	chaosKills = flag.Int("chaos.kills", 12, "how many times TestChaos kills the controller (make chaos runs 60)")
	chaosSeed  = flag.Uint64("chaos.seed", 0, "TestChaos's random seed; 0 picks one, which the test logs")
)

// chaosSettle bounds the wait for everything to settle once the kills
// stop: past the controller's 90 s wait after a create whose answer was
// lost with nothing found in AWS.
const chaosSettle = 4 * time.Minute

// TestChaos SIGKILLs the controller at random moments while 20 objects of
// two kinds are created, updated and deleted: Tables, whose name the user
// chooses, and Backups, whose ARN AWS assigns. Once the kills stop every
// remaining object must be Ready and match AWS, every deleted one must be
// gone from AWS and from the API server, and no resource may exist twice.
func TestChaos(t *testing.T) {
	t.Parallel()
	seed := *chaosSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun with -chaos.seed=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	// Kills land at random times, and, since the moments between AWS
	// doing a write and the controller recording it are a few
	// milliseconds that random times almost never hit, also right after
	// AWS answered a third of the writes, whose answers are then lost.
	var (
		mu    sync.Mutex
		e     *env
		kills int
	)
	kill := func() {
		e.KillAndRestart()
		kills++
	}
	hook := harness.StartCallHook(t, suite.Moto.Endpoint(), func(op string) bool {
		mu.Lock()
		defer mu.Unlock()
		if !isWrite(op) || kills >= *chaosKills || rng.IntN(3) != 0 {
			return true
		}
		kill()
		return false
	})
	mu.Lock()
	e = startController(t, controllerOptions{Namespaces: []string{"chaos"}, Endpoint: hook.URL()})
	w := newChaosWorld(e, 10)
	plan := w.plan(rng)
	mu.Unlock()

	acted := make(chan error, 1)
	go func() { acted <- w.act(plan) }()
	var actErr error
	for running := true; running || !chaosDone(&mu, &kills); {
		mu.Lock()
		pause := time.Duration(300+rng.IntN(2200)) * time.Millisecond
		mu.Unlock()
		select {
		case actErr = <-acted:
			running = false
		case <-time.After(pause):
			mu.Lock()
			if kills < *chaosKills {
				kill()
			}
			mu.Unlock()
		}
	}
	if actErr != nil {
		t.Fatalf("acting on the objects: %v", actErr)
	}

	unsettled := w.settle()
	d, l, s := w.duplicates(t), w.leaks(t), w.stuck()
	mu.Lock()
	t.Logf("chaos: %d kills, %d objects, %d duplicates, %d leaks, %d stuck", kills, 2*w.n, d, l, s)
	mu.Unlock()
	if d+l+s > 0 {
		t.Errorf("%d duplicates, %d leaks, %d stuck (seed %d)", d, l, s, seed)
	}
	if unsettled != nil {
		t.Errorf("after %s: %v (seed %d)", chaosSettle, unsettled, seed)
	}
}

// chaosDone reports whether every kill has been made.
func chaosDone(mu *sync.Mutex, kills *int) bool {
	mu.Lock()
	defer mu.Unlock()
	return *kills >= *chaosKills
}

// isWrite tells the calls that change AWS from reads.
func isWrite(op string) bool {
	return !strings.HasPrefix(op, "Describe") && !strings.HasPrefix(op, "List") && !strings.HasPrefix(op, "Get")
}

// chaosWorld is the objects of TestChaos and what should become of them.
type chaosWorld struct {
	e       *env
	n       int
	tables  []*v1alpha1.Table
	backups []*v1alpha1.Backup
	// raised tables get 7 read units; deleted objects go.
	raised                        map[int]bool
	deletedTables, deletedBackups map[int]bool
}

func newChaosWorld(e *env, n int) *chaosWorld {
	w := &chaosWorld{e: e, n: n, raised: map[int]bool{}, deletedTables: map[int]bool{}, deletedBackups: map[int]bool{}}
	for i := range n {
		tbl := e.newTable("chaos", fmt.Sprintf("t%d", i), nil)
		w.tables = append(w.tables, tbl)
		w.backups = append(w.backups, &v1alpha1.Backup{
			ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("b%d", i), Namespace: e.NS("chaos")},
			Spec:       v1alpha1.BackupSpec{BackupName: aws.String(e.table(fmt.Sprintf("b%d", i))), TableName: tbl.Spec.TableName},
		})
	}
	// Half the tables get more capacity; two tables go with their
	// backups, and two more backups go on their own.
	for i := range n / 2 {
		w.raised[i] = true
	}
	for _, i := range []int{n - 2, n - 1} {
		w.deletedTables[i], w.deletedBackups[i] = true, true
	}
	w.deletedBackups[0], w.deletedBackups[1] = true, true
	return w
}

// step is one action on the API server, after a pause.
type step struct {
	pause time.Duration
	what  string
	do    func(ctx context.Context, k client.Client) error
}

// plan orders the creates randomly, then the updates, then the deletes,
// each after a random pause, so kills land at every stage.
func (w *chaosWorld) plan(rng *rand.Rand) []step {
	pause := func() time.Duration { return time.Duration(rng.IntN(400)) * time.Millisecond }
	var steps []step
	for _, i := range rng.Perm(w.n) {
		tbl, bk := w.tables[i], w.backups[i]
		steps = append(steps,
			step{pause(), "create table " + tbl.Name, func(ctx context.Context, k client.Client) error { return k.Create(ctx, tbl.DeepCopy()) }},
			step{pause(), "create backup " + bk.Name, func(ctx context.Context, k client.Client) error { return k.Create(ctx, bk.DeepCopy()) }})
	}
	for i := range w.n {
		if !w.raised[i] {
			continue
		}
		tbl := w.tables[i]
		steps = append(steps, step{pause(), "raise table " + tbl.Name, func(ctx context.Context, k client.Client) error {
			var cur v1alpha1.Table
			if err := k.Get(ctx, client.ObjectKeyFromObject(tbl), &cur); err != nil {
				return err
			}
			patch := client.MergeFrom(cur.DeepCopy())
			cur.Spec.ProvisionedThroughput.ReadCapacityUnits = aws.Int64(7)
			return k.Patch(ctx, &cur, patch)
		}})
	}
	for i := range w.n {
		if !w.deletedTables[i] {
			continue
		}
		tbl := w.tables[i]
		steps = append(steps, step{pause(), "delete table " + tbl.Name, func(ctx context.Context, k client.Client) error { return k.Delete(ctx, tbl.DeepCopy()) }})
	}
	for i := range w.n {
		if !w.deletedBackups[i] {
			continue
		}
		bk := w.backups[i]
		steps = append(steps, step{pause(), "delete backup " + bk.Name, func(ctx context.Context, k client.Client) error { return k.Delete(ctx, bk.DeepCopy()) }})
	}
	return steps
}

func (w *chaosWorld) act(steps []step) error {
	ctx := context.Background()
	for _, s := range steps {
		time.Sleep(s.pause)
		if err := s.do(ctx, w.e.K); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	return nil
}

// settle waits until every remaining object is Ready and matches AWS and
// every deleted one is gone, and returns what is still wrong at the end.
func (w *chaosWorld) settle() error {
	deadline := time.Now().Add(chaosSettle)
	for {
		err := w.check()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(time.Second)
	}
}

func (w *chaosWorld) check() error {
	ctx := context.Background()
	var problems []string
	for i, tbl := range w.tables {
		var cur v1alpha1.Table
		err := w.e.K.Get(ctx, client.ObjectKeyFromObject(tbl), &cur)
		if w.deletedTables[i] {
			if err == nil {
				problems = append(problems, "table "+tbl.Name+" is still in the API server")
			}
			continue
		}
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if !isReady(cur.Status.Conditions, cur.Generation) {
			problems = append(problems, "table "+tbl.Name+" is not Ready: "+harness.DescribeConditions(&cur))
			continue
		}
		want := int64(5)
		if w.raised[i] {
			want = 7
		}
		out, err := ddb(region, "").DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: tbl.Spec.TableName})
		if err != nil {
			problems = append(problems, err.Error())
		} else if got := aws.ToInt64(out.Table.ProvisionedThroughput.ReadCapacityUnits); got != want {
			problems = append(problems, fmt.Sprintf("table %s has %d read units in AWS, want %d", tbl.Name, got, want))
		}
	}
	for i, bk := range w.backups {
		var cur v1alpha1.Backup
		err := w.e.K.Get(ctx, client.ObjectKeyFromObject(bk), &cur)
		switch {
		case w.deletedBackups[i] && err == nil:
			problems = append(problems, "backup "+bk.Name+" is still in the API server")
		case w.deletedBackups[i]:
		case err != nil:
			problems = append(problems, err.Error())
		case !isReady(cur.Status.Conditions, cur.Generation):
			problems = append(problems, fmt.Sprintf("backup %s is not Ready: %+v", bk.Name, cur.Status.Conditions))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

func isReady(conds []metav1.Condition, gen int64) bool {
	c := apimeta.FindStatusCondition(conds, "Ready")
	return c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == gen
}

// backupsByName lists every backup of the test's tables in AWS, by name.
func (w *chaosWorld) backupsByName(t *testing.T) map[string][]string {
	t.Helper()
	byName := map[string][]string{}
	in := &dynamodb.ListBackupsInput{}
	for range 100 {
		out, err := ddb(region, "").ListBackups(context.Background(), in)
		if err != nil {
			t.Fatalf("ListBackups: %v", err)
		}
		for _, b := range out.BackupSummaries {
			if name := aws.ToString(b.BackupName); strings.HasPrefix(name, w.e.Prefix+"-") {
				byName[name] = append(byName[name], aws.ToString(b.BackupArn))
			}
		}
		if out.LastEvaluatedBackupArn == nil {
			break
		}
		in.ExclusiveStartBackupArn = out.LastEvaluatedBackupArn
	}
	return byName
}

// duplicates counts backups beyond the first of each name.
func (w *chaosWorld) duplicates(t *testing.T) int {
	d := 0
	for name, arns := range w.backupsByName(t) {
		if len(arns) > 1 {
			t.Logf("backup %s exists %d times: %v", name, len(arns), arns)
			d += len(arns) - 1
		}
	}
	return d
}

// leaks counts AWS resources of deleted objects.
func (w *chaosWorld) leaks(t *testing.T) int {
	l := 0
	byName := w.backupsByName(t)
	for i := range w.deletedBackups {
		if arns := byName[aws.ToString(w.backups[i].Spec.BackupName)]; len(arns) > 0 {
			t.Logf("backup %s was deleted but AWS still has %v", w.backups[i].Name, arns)
			l += len(arns)
		}
	}
	for i := range w.deletedTables {
		_, err := ddb(region, "").DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: w.tables[i].Spec.TableName})
		var nf *types.ResourceNotFoundException
		if !errors.As(err, &nf) {
			t.Logf("table %s was deleted but DescribeTable answers %v", w.tables[i].Name, err)
			l++
		}
	}
	return l
}

// stuck counts deleted objects still in the API server.
func (w *chaosWorld) stuck() int {
	s := 0
	for i := range w.deletedTables {
		if w.e.K.Get(context.Background(), client.ObjectKeyFromObject(w.tables[i]), &v1alpha1.Table{}) == nil {
			s++
		}
	}
	for i := range w.deletedBackups {
		if w.e.K.Get(context.Background(), client.ObjectKeyFromObject(w.backups[i]), &v1alpha1.Backup{}) == nil {
			s++
		}
	}
	return s
}
