package infer

import (
	"fmt"

	"github.com/kubesmith/kubesmith/generator/config"
	"github.com/kubesmith/kubesmith/generator/model"
)

// addBytesFrom marks the bytes members generator.yaml's bytesFrom names:
// each gains a sibling <member>From naming a ConfigMap or Secret key, so
// that a Lambda function's zip need not sit base64 in the object (and an
// object's size limit), and can change with the ConfigMap.
func addBytesFrom(st *state) error {
	for _, w := range st.work {
		if !w.resolved() {
			continue
		}
		for _, path := range keys(w.rc.BytesFrom) {
			st.addBytesSource(w, path, w.rc.BytesFrom[path], w.at.At("bytesFrom", path))
		}
	}
	return nil
}

func (st *state) addBytesSource(w *work, path string, bf *config.BytesFrom, at config.Key) {
	f, s, member := st.memberPath(w, "bytesFrom", path, at)
	if f == nil {
		return
	}
	field := f.Member
	m := s.FieldByMember(member)
	if m == nil || m.Type.Kind != model.Bytes {
		st.errorf(at, "bytesFrom %s: %s has no bytes member %s", path, f.Type.Shape, member)
		return
	}
	if s.FieldByMember(member+"From") != nil {
		st.errorf(at, "bytesFrom %s: %s already has a member %sFrom", path, f.Type.Shape, member)
		return
	}
	status := statusField(w.r, bf.HashedAs)
	if status == nil || status.Type.Kind != model.String {
		st.errorf(at.At("hashedAs"), "bytesFrom %s: %s is no string status field of %s", path, bf.HashedAs, w.r.Kind)
		return
	}
	m.BytesFrom = true
	w.r.BytesFrom = append(w.r.BytesFrom, &model.BytesFrom{Field: field, Member: member, HashedAs: bf.HashedAs})
	reason := "bytesFrom in generator.yaml"
	if bf.Because != "" {
		reason += ": " + bf.Because
	}
	w.decide("bytes from", fmt.Sprintf("%s or a ConfigMap or Secret key, hashed as %s", path, bf.HashedAs),
		"%s; read every pass, sent when its SHA-256 differs from %s", reason, bf.HashedAs)
}
