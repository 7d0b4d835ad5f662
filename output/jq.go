package output

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/itchyny/gojq"
)

// Query is a compiled jq expression, as given to --jq.
type Query struct {
	code *gojq.Code
	// ctx stops a running query once done: a query can run forever
	// (def f: f; f). Set by WithContext; never nil.
	ctx context.Context
}

// CompileJQ parses and compiles a jq expression. The query cannot read the
// process environment: $ENV and env are empty objects.
func CompileJQ(expr string) (*Query, error) {
	q, err := gojq.Parse(expr)
	if err != nil {
		return nil, fmt.Errorf("invalid jq expression %q: %w", expr, err)
	}
	code, err := gojq.Compile(q, gojq.WithEnvironLoader(func() []string { return nil }))
	if err != nil {
		return nil, fmt.Errorf("invalid jq expression %q: %w", expr, err)
	}
	return &Query{code: code, ctx: context.Background()}, nil
}

// WithContext returns q bound to ctx: once ctx is done, the query stops
// and the writer's Close returns ctx's error.
func (q *Query) WithContext(ctx context.Context) *Query {
	bound := *q
	bound.ctx = ctx
	return &bound
}

// jqWriter collects the output objects and, at Close, runs the query on
// the JSON array they form.
type jqWriter[T any] struct {
	objects[T]
	w     io.Writer
	query *Query
	items []any
}

func newJQWriter[T any](w io.Writer, q *Query, c codec[T]) *jqWriter[T] {
	return &jqWriter[T]{objects: objects[T]{c: c}, w: w, query: q, items: []any{}}
}

// Write decodes v's object and keeps it for the query.
func (j *jqWriter[T]) Write(v T) error {
	obj, err := j.encode(v)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber() // keep big ids exact
	var item any
	if err := dec.Decode(&item); err != nil {
		return fmt.Errorf("decode %s: %w", j.c.describe(v), err)
	}
	j.items = append(j.items, item)
	return nil
}

// Close runs the query and prints each result on its own line, like
// jq -r: strings raw, other values as compact JSON. The halt builtin ends
// the output without error; any other jq error is returned, and the
// query's context error when it was stopped by its context.
func (j *jqWriter[T]) Close() error {
	bw := bufio.NewWriter(j.w)
	iter := j.query.code.RunWithContext(j.query.ctx, j.items)
	for {
		v, ok := iter.Next()
		if !ok {
			break
		}
		if err, isErr := v.(error); isErr {
			var halt *gojq.HaltError
			if errors.As(err, &halt) && halt.Value() == nil {
				break
			}
			// Show what was printed so far before the error.
			if ferr := bw.Flush(); ferr != nil {
				return fmt.Errorf("write jq output: %w", ferr)
			}
			if ctxErr := j.query.ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			return fmt.Errorf("jq: %w", err)
		}
		if s, isStr := v.(string); isStr {
			bw.WriteString(s)
		} else {
			b, err := gojq.Marshal(v)
			if err != nil {
				return fmt.Errorf("jq: encode result: %w", err)
			}
			bw.Write(b)
		}
		if err := bw.WriteByte('\n'); err != nil {
			return fmt.Errorf("write jq output: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write jq output: %w", err)
	}
	return nil
}
