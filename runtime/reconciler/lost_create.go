package reconciler

// restoreCreateRecords gives a resource found after a lost create the
// records the create's lost status write held: the Secrets' fingerprint
// the create sent, and, when the spec is still the generation the create
// sent, the applied record. Without them the next pass would send again
// every field AWS does not report and every Secret, as for an adopted
// resource: an extra update per crash, which RDS answers by resetting
// the master credentials. A spec changed since the create keeps no
// applied record, so its change is sent once.
func (r *Reconciler[T]) restoreCreateRecords(p *pass[T]) {
	rec, ok := readPendingCreate(p.obj)
	if !ok {
		return
	}
	status := p.obj.GetManagedStatus()
	if status.SecretsVersion == "" {
		status.SecretsVersion = rec.secrets
	}
	if rec.generation > 0 && rec.generation == p.obj.GetGeneration() {
		r.noteApplied(p)
	}
}
