package jp.lg.immunization.platform;

/** A simulator of a national or city system, reachable by its link's name for outages (SimulatorOutages). */
public interface SimulatedSystem {

  SimulatedLink<?> link();
}
