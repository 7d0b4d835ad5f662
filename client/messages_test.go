package client

import "testing"

func TestTranslate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"تم جلب البيانات بنجاح", "Data fetched successfully", true},
		{"تم حفظ البيانات بنجاح", "Data saved successfully", true},
		{"لم يتم العثور على الجلسة", "Session not found", true},
		{"لايمكنك تسجيل سجل العمليات بعد انتهاء الجلسة", "You cannot record an activity log after the session has ended", true},
		{"لا يمكنك تسجيل سجل العمليات بعد انتهاء الجلسة", "You cannot record an activity log after the session has ended", true},
		{"بيانات غير صالحة", "Invalid data", true},
		{" نوع الإجراء غير صالح\n", "Invalid action type", true},
		{"Unauthenticated.", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got, ok := Translate(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("Translate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestKindForStatus(t *testing.T) {
	tests := []struct {
		status int
		want   ErrorKind
	}{
		{401, KindAuth}, {403, KindAuth}, {404, KindNotFound}, {400, KindValidation}, {409, KindValidation},
		{422, KindValidation}, {408, KindServer}, {429, KindRateLimited}, {500, KindServer}, {502, KindServer},
		{503, KindServer}, {504, KindServer}, {599, KindServer}, {200, KindServer},
	}
	for _, tt := range tests {
		if got := kindForStatus(tt.status); got != tt.want {
			t.Errorf("kindForStatus(%d) = %s, want %s", tt.status, got, tt.want)
		}
	}
}
