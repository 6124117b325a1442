import dev.vigil.contract.BundleFiles;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the ONNX model held in a Vigil bundle to a file. usage: ExtractOnnx BUNDLE OUT.onnx */
public class ExtractOnnx {
    public static void main(String[] args) throws Exception {
        ByteBuffer onnx = BundleFiles.read(Path.of(args[0])).getOnnx();
        byte[] bytes = new byte[onnx.remaining()];
        onnx.get(bytes);
        Files.write(Path.of(args[1]), bytes);
    }
}
