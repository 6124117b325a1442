import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
/** Dumps a Vigil ONNX model's graph as JSON + raw float32 weights, plus a test input and ORT CPU outputs. */
public class DumpGraph {
  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[0]);
    for (int i = 1; i < a.length; i++) dump(Path.of(a[i]), out);
  }
  static String q(String s) { return "\"" + s + "\""; }
  static void dump(Path f, Path out) throws Exception {
    String name = f.getFileName().toString().replace(".onnx", "");
    var m = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(f));
    var g = m.getGraph();
    StringBuilder j = new StringBuilder("{\"nodes\":[");
    for (int k = 0; k < g.getNodeCount(); k++) {
      var n = g.getNode(k);
      if (k > 0) j.append(',');
      j.append("{\"op\":").append(q(n.getOpType())).append(",\"in\":[");
      j.append(String.join(",", n.getInputList().stream().map(DumpGraph::q).toList())).append("],\"out\":[");
      j.append(String.join(",", n.getOutputList().stream().map(DumpGraph::q).toList())).append("],\"attrs\":{");
      List<String> at = new ArrayList<>();
      for (var t : n.getAttributeList()) {
        if (t.getType() == OnnxMl.AttributeProto.AttributeType.INT) at.add(q(t.getName()) + ":" + t.getI());
        else if (t.getType() == OnnxMl.AttributeProto.AttributeType.FLOAT) at.add(q(t.getName()) + ":" + t.getF());
        else if (t.getType() == OnnxMl.AttributeProto.AttributeType.INTS) at.add(q(t.getName()) + ":" + t.getIntsList());
        else throw new IllegalStateException("attr " + t);
      }
      j.append(String.join(",", at)).append("}}");
    }
    j.append("],\"init\":{");
    List<String> ini = new ArrayList<>();
    ByteArrayOutputStreamX w = new ByteArrayOutputStreamX();
    for (var t : g.getInitializerList()) {
      float[] v = floats(t);
      ini.add(q(t.getName()) + ":{\"dims\":" + t.getDimsList() + ",\"offset\":" + w.size() / 4 + ",\"n\":" + v.length + "}");
      ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (float x : v) b.putFloat(x);
      w.writeBytes(b.array());
    }
    j.append(String.join(",", ini)).append("},\"input\":").append(q(g.getInput(0).getName()));
    long width = g.getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue();
    j.append(",\"width\":").append(width).append(",\"outputs\":[");
    j.append(String.join(",", g.getOutputList().stream().map(o -> q(o.getName())).toList())).append("]}");
    Files.writeString(out.resolve(name + ".json"), j);
    Files.write(out.resolve(name + ".weights"), w.toByteArray());
    // test input and ORT CPU outputs
    int rows = 64;
    float[][] x = new float[rows][(int) width];
    Random r = new Random(1);
    for (float[] row : x) for (int c = 0; c < row.length; c++) row[c] = (float) r.nextGaussian();
    var env = OrtEnvironment.getEnvironment();
    try (var s = env.createSession(Files.readAllBytes(f)); var t = OnnxTensor.createTensor(env, x); var res = s.run(Map.of(g.getInput(0).getName(), t))) {
      float[] score = (float[]) res.get("score").get().getValue();
      ByteBuffer b = ByteBuffer.allocate((rows * (int) width + rows) * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] row : x) for (float v : row) b.putFloat(v);
      for (float v : score) b.putFloat(v);
      Files.write(out.resolve(name + ".check"), b.array());
    }
    System.out.println(name + " width " + width + " init " + g.getInitializerCount());
  }
  static float[] floats(OnnxMl.TensorProto t) {
    if (t.getFloatDataCount() > 0) { float[] v = new float[t.getFloatDataCount()]; for (int i = 0; i < v.length; i++) v[i] = t.getFloatData(i); return v; }
    FloatBuffer fb = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[] v = new float[fb.remaining()]; fb.get(v); return v;
  }
  static class ByteArrayOutputStreamX extends java.io.ByteArrayOutputStream {}
}
