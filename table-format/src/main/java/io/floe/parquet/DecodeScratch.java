package io.floe.parquet;

/** Primitive arrays a column reader decodes page values into before storing them, kept between batches. */
final class DecodeScratch {
  private int[] ints = new int[0];
  private long[] longs = new long[0];
  private float[] floats = new float[0];
  private double[] doubles = new double[0];

  int[] ints(int n) {
    if (ints.length < n) {
      ints = new int[n];
    }
    return ints;
  }

  long[] longs(int n) {
    if (longs.length < n) {
      longs = new long[n];
    }
    return longs;
  }

  float[] floats(int n) {
    if (floats.length < n) {
      floats = new float[n];
    }
    return floats;
  }

  double[] doubles(int n) {
    if (doubles.length < n) {
      doubles = new double[n];
    }
    return doubles;
  }
}
