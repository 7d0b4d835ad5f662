package faults_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"testing"

	"github.com/sessionlog/sessionlog/mockapi/faults"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name    string
		cut     faults.Cut
		readErr error // the error reading the body ends with
		chunked bool
	}{
		{"framed", faults.CutFramed, nil, false},
		{"declared length", faults.CutDeclared, io.ErrUnexpectedEOF, false},
		{"chunked", faults.CutChunked, io.ErrUnexpectedEOF, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mock, layer, url := serve(t, faults.Rule{Fault: faults.Truncate(tt.cut)})
			res := exchange(context.Background(), t, http.MethodPost, url)
			if res.resp == nil {
				t.Fatalf("no reply: %v", res.err)
			}
			if !errors.Is(res.err, tt.readErr) {
				t.Errorf("reading the body: %v, want %v", res.err, tt.readErr)
			}
			if got := slices.Equal(res.resp.TransferEncoding, []string{"chunked"}); got != tt.chunked {
				t.Errorf("transfer encoding %v, want chunked %t", res.resp.TransferEncoding, tt.chunked)
			}
			if res.resp.StatusCode != http.StatusOK || len(res.body) == 0 || json.Valid(res.body) {
				t.Errorf("reply %d %q, want 200 and part of a JSON body", res.resp.StatusCode, res.body)
			}
			full := len(res.body) * 2 // the body is the first half, give or take a byte
			if tt.cut == faults.CutDeclared && res.resp.ContentLength < int64(full) {
				t.Errorf("Content-Length %d, want the whole body's (>= %d)", res.resp.ContentLength, full)
			}
			if n := stored(t, mock); n != 1 || layer.Count("POST") != 1 {
				t.Errorf("stored %d entries in %d requests, want 1 in 1", n, layer.Count("POST"))
			}
		})
	}
}

func TestRewrite(t *testing.T) {
	_, _, url := serve(t, faults.Rule{Fault: faults.SetPaging("last_page", -1)})
	res := exchange(context.Background(), t, http.MethodGet, url)
	if res.err != nil {
		t.Fatal(res.err)
	}
	var reply struct {
		Success bool
		Data    struct {
			CurrentPage int `json:"current_page"`
			LastPage    int `json:"last_page"`
			Total       int
			Data        []json.RawMessage
		}
	}
	if err := json.Unmarshal(res.body, &reply); err != nil {
		t.Fatal(err)
	}
	d := reply.Data
	if !reply.Success || d.CurrentPage != 1 || d.LastPage != -1 || d.Total != 3 || len(d.Data) != 3 {
		t.Errorf("reply %+v, want session 1002's page with last_page -1", reply)
	}
	if res.resp.Header.Get("Content-Length") != strconv.Itoa(len(res.body)) {
		t.Errorf("Content-Length %s for %d bytes", res.resp.Header.Get("Content-Length"), len(res.body))
	}
}

func TestRewriteLeavesOtherBodiesAlone(t *testing.T) {
	for _, fault := range []faults.Fault{
		faults.SetPaging("last_page", -1), // "ok" is not JSON
		faults.Rewrite(func(map[string]any) { t.Error("edit called for a body that is not an object") }),
	} {
		w := httptest.NewRecorder()
		faults.Wrap(&okHandler{}, faults.Rule{Fault: fault}).ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), []byte("ok")) {
			t.Errorf("reply %d %q, want 200 \"ok\"", w.Code, w.Body)
		}
	}
}
