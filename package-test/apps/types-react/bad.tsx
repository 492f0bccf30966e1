// The same with a wrong type: exactly the marked line must fail to type-check.
import type {} from 'mobilenet-classifier/react';

export function Classifier() {
  return <mobilenet-classifier top-k="three" />; // wrong: top-k is a number
}
