package reconciler

import (
	"bytes"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// TestKeyBytes: the bytes a BytesSource key gives, from where a user puts
// a zip in each kind of object.
func TestKeyBytes(t *testing.T) {
	for _, tc := range []struct {
		reason string
		obj    client.Object
		key    string
		want   []byte
		ok     bool
	}{{
		reason: "a ConfigMap's binaryData holds a zip as it is (kubectl create configmap --from-file)",
		obj:    &corev1.ConfigMap{BinaryData: map[string][]byte{"f.zip": {0x50, 0x4b, 0xff}}}, key: "f.zip", want: []byte{0x50, 0x4b, 0xff}, ok: true,
	}, {
		reason: "a ConfigMap's data holds UTF-8 text, sent as its bytes",
		obj:    &corev1.ConfigMap{Data: map[string]string{"f": "text"}}, key: "f", want: []byte("text"), ok: true,
	}, {
		reason: "binaryData wins where both hold the key (the API server refuses that anyway)",
		obj:    &corev1.ConfigMap{Data: map[string]string{"f": "text"}, BinaryData: map[string][]byte{"f": {1}}}, key: "f", want: []byte{1}, ok: true,
	}, {
		reason: "a Secret's data",
		obj:    &corev1.Secret{Data: map[string][]byte{"f": {2}}}, key: "f", want: []byte{2}, ok: true,
	}, {
		reason: "a missing key is missing, not empty bytes to send",
		obj:    &corev1.ConfigMap{Data: map[string]string{"g": "x"}}, key: "f",
	}} {
		got, ok := keyBytes(tc.obj, tc.key)
		if ok != tc.ok || !bytes.Equal(got, tc.want) {
			t.Errorf("%s: got %v, %v; want %v, %v", tc.reason, got, ok, tc.want, tc.ok)
		}
	}
}
